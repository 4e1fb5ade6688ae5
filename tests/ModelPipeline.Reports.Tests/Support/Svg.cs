using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ModelPipeline.Reports.Tests;

/// <summary>Pulls the inline SVG elements out of a rendered page.</summary>
internal static partial class Svg
{
    public static IReadOnlyList<string> Elements(string html) =>
        SvgElement().Matches(html).Select(m => m.Value).ToList();

    /// <summary>Each SVG parsed as XML: proves the markup is well-formed and user text is escaped.</summary>
    public static IReadOnlyList<XElement> Parse(string html) =>
        Elements(html).Select(svg => XElement.Parse(svg)).ToList();

    public static IReadOnlyList<int> PolylinePointCounts(string html) =>
        Parse(html)
            .SelectMany(svg => svg.Descendants(svg.Name.Namespace + "polyline"))
            .Select(p => ((string?)p.Attribute("points") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)
            .ToList();

    [GeneratedRegex("<svg\\b.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
