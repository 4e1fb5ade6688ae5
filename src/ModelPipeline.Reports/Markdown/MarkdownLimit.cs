namespace ModelPipeline.Reports;

/// <summary>Keeps Markdown under GitHub's comment limit (65,536 characters) without breaking a code block.</summary>
internal static class MarkdownLimit
{
    /// <summary>The maximum length of a rendered Markdown report.</summary>
    public const int MaxLength = 65_000;

    public static string Fit(string markdown)
    {
        if (markdown.Length <= MaxLength)
        {
            return markdown;
        }

        const string note = "\n\n_Report truncated to fit GitHub's comment limit; see the HTML report for everything._\n";
        var cut = markdown.LastIndexOf('\n', MaxLength - note.Length - 8);
        var kept = markdown[..Math.Max(0, cut)];
        var fences = kept.Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal));
        return kept + (fences % 2 == 1 ? "\n```" : string.Empty) + note;
    }
}
