using System.Globalization;
using System.Reflection;
using HandlebarsDotNet;

namespace ModelPipeline.Reports;

/// <summary>Wraps rendered sections into the page: the Handlebars layout with inline styles.</summary>
internal static class HtmlPage
{
    public static readonly string Layout = ReadResource("ModelPipeline.Reports.Layout.hbs");
    public static readonly string Styles = ReadResource("ModelPipeline.Reports.Report.css");

    private static readonly Lazy<HandlebarsTemplate<object, object>> DefaultTemplate = new(() => Compile(Layout));

    public static string Wrap(string title, string pipeline, DateTimeOffset created, string content, HtmlReportOptions options)
    {
        var template = options.LayoutTemplate is null ? DefaultTemplate.Value : Compile(options.LayoutTemplate);
        var data = new Dictionary<string, object>
        {
            ["title"] = title,
            ["pipeline"] = pipeline,
            ["created"] = created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ["styles"] = options.ExtraCss is null ? Styles : Styles + "\n" + options.ExtraCss,
            ["content"] = content,
        };
        try
        {
            return template(data);
        }
        catch (HandlebarsException e)
        {
            throw new ReportTemplateException($"The report layout template failed to render: {e.Message}", e);
        }
    }

    private static HandlebarsTemplate<object, object> Compile(string source)
    {
        try
        {
            return Handlebars.Create().Compile(source);
        }
        catch (HandlebarsException e)
        {
            throw new ReportTemplateException($"The report layout template is not valid Handlebars: {e.Message}", e);
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from ModelPipeline.Reports.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
