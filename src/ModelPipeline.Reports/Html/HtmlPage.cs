using System.Globalization;
using System.Reflection;
using Scriban;
using Scriban.Runtime;

namespace ModelPipeline.Reports;

/// <summary>Wraps rendered sections into the page: the Scriban layout with inline styles.</summary>
internal static class HtmlPage
{
    private const string LayoutName = "report layout";

    public static readonly string Layout = ReadResource("ModelPipeline.Reports.Layout.scriban");
    public static readonly string Styles = ReadResource("ModelPipeline.Reports.Report.css");

    private static readonly Lazy<Template> DefaultTemplate = new(() => ScribanText.Parse(Layout, LayoutName, Invalid));

    public static string Wrap(string title, string pipeline, DateTimeOffset created, string content, HtmlReportOptions options)
    {
        var template = options.LayoutTemplate is null ? DefaultTemplate.Value : ScribanText.Parse(options.LayoutTemplate, LayoutName, Invalid);
        var model = new ScriptObject
        {
            ["title"] = Markup.Encode(title),
            ["pipeline"] = Markup.Encode(pipeline),
            ["created"] = Markup.Encode(created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)),
            ["styles"] = options.ExtraCss is null ? Styles : Styles + "\n" + options.ExtraCss,
            ["content"] = content,
        };
        return ScribanText.Render(template, model, LayoutName, Invalid);
    }

    private static ReportTemplateException Invalid(string problem) => new($"The report layout template is not valid Scriban: {problem}");

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from ModelPipeline.Reports.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
