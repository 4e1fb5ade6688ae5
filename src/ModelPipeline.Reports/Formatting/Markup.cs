using System.Net;

namespace ModelPipeline.Reports;

/// <summary>Escaping of user text (pipeline, metric, feature and class names) for HTML and SVG.</summary>
internal static class Markup
{
    /// <summary>Escapes &lt; &gt; &amp; " and ' so the text can go in element content and attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
