using System.Text;

namespace ModelPipeline.Reports;

/// <summary>Writes a report as HTML and Markdown side by side (UTF-8 without BOM), creating the directory.</summary>
public static class ReportFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <c>{name}.html</c> and <c>{name}.md</c> into <paramref name="directory"/>.</summary>
    public static ReportPaths Write(ComparisonReport report, string directory, string name = "comparison", HtmlReportOptions? options = null) =>
        Write(directory, name, HtmlReport.Render(report, options ?? HtmlReportOptions.Default), MarkdownReport.Render(report));

    /// <summary>Writes <c>{name}.html</c> and <c>{name}.md</c> into <paramref name="directory"/>.</summary>
    public static ReportPaths Write(DriftReport report, string directory, string name = "drift", HtmlReportOptions? options = null) =>
        Write(directory, name, HtmlReport.Render(report, options ?? HtmlReportOptions.Default), MarkdownReport.Render(report));

    private static ReportPaths Write(string directory, string name, string html, string markdown)
    {
        Directory.CreateDirectory(directory);
        var paths = new ReportPaths(Path.Combine(directory, name + ".html"), Path.Combine(directory, name + ".md"));
        File.WriteAllText(paths.Html, html, Utf8);
        File.WriteAllText(paths.Markdown, markdown, Utf8);
        return paths;
    }
}
