namespace ModelPipeline.Reports;

/// <summary>Where a report was written.</summary>
/// <param name="Html">The self-contained HTML file (attach as a CI artifact).</param>
/// <param name="Markdown">The Markdown file (append to the job summary, post as a PR comment).</param>
public sealed record ReportPaths(string Html, string Markdown);
