namespace ModelPipeline.Reports;

/// <summary>
/// Renders reports as ONE self-contained HTML file: inline CSS, charts as inline SVG, no scripts, no fonts
/// or images from anywhere else, so it opens offline and can be attached to a CI run as is.
/// </summary>
public static class HtmlReport
{
    /// <summary>The built-in Scriban page layout, a starting point for <see cref="HtmlReportOptions.LayoutTemplate"/>.</summary>
    public static string DefaultLayout => HtmlPage.Layout;

    /// <summary>The built-in CSS.</summary>
    public static string DefaultStyles => HtmlPage.Styles;

    /// <summary>The challenger-vs-champion decision: verdict, gate checks, metrics, curves, matrices, history.</summary>
    public static string Render(ComparisonReport report) => Render(report, HtmlReportOptions.Default);

    /// <inheritdoc cref="Render(ComparisonReport)"/>
    /// <exception cref="ReportTemplateException">When <see cref="HtmlReportOptions.LayoutTemplate"/> is not a valid Scriban template.</exception>
    public static string Render(ComparisonReport report, HtmlReportOptions options) =>
        HtmlPage.Wrap($"{report.Pipeline}: {report.Verdict}", report.Pipeline, report.Created, ComparisonHtml.Body(report), options);

    /// <summary>Data and prediction drift of a deployed model version: verdict, feature table, distributions.</summary>
    public static string Render(DriftReport report) => Render(report, HtmlReportOptions.Default);

    /// <inheritdoc cref="Render(DriftReport)"/>
    /// <exception cref="ReportTemplateException">When <see cref="HtmlReportOptions.LayoutTemplate"/> is not a valid Scriban template.</exception>
    public static string Render(DriftReport report, HtmlReportOptions options) =>
        HtmlPage.Wrap($"{report.Pipeline} {report.ModelVersion} drift: {report.Verdict}", report.Pipeline, report.Created, DriftHtml.Body(report), options);
}
