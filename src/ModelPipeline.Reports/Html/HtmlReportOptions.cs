namespace ModelPipeline.Reports;

/// <summary>How an HTML report is wrapped; the defaults produce the built-in look.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The built-in options.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>
    /// A Scriban page template replacing the built-in one (see <see cref="HtmlReport.DefaultLayout"/>).
    /// It receives <c>{{ title }}</c>, <c>{{ pipeline }}</c>, <c>{{ created }}</c> (text, already HTML-escaped) and
    /// <c>{{ styles }}</c>, <c>{{ content }}</c> (markup). An unknown variable or a syntax error throws
    /// <see cref="ReportTemplateException"/> naming the line and column.
    /// </summary>
    public string? LayoutTemplate { get; init; }

    /// <summary>Extra CSS appended after the built-in styles, e.g. a company's colours.</summary>
    public string? ExtraCss { get; init; }
}
