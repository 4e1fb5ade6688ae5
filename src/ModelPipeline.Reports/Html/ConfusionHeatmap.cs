using System.Globalization;
using System.Text;
using static ModelPipeline.Reports.Markup;

namespace ModelPipeline.Reports;

/// <summary>A confusion matrix as an HTML table shaded by the share of each actual class (row-normalised).</summary>
internal static class ConfusionHeatmap
{
    public static string Html(ConfusionMatrix matrix)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table class=\"heat\"><thead><tr><th class=\"axis-note\">actual ↓ / predicted →</th>");
        foreach (var name in matrix.Classes)
        {
            html.Append("<th>").Append(Encode(name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (var a = 0; a < matrix.Classes.Count; a++)
        {
            var row = a < matrix.Counts.Count ? matrix.Counts[a] : [];
            var total = row.Sum();
            html.Append("<tr><th>").Append(Encode(matrix.Classes[a])).Append("</th>");
            for (var p = 0; p < matrix.Classes.Count; p++)
            {
                var count = p < row.Count ? row[p] : 0;
                var share = total == 0 ? 0 : (double)count / total;
                html.Append("<td style=\"").Append(Shade(share, a == p)).Append("\" title=\"actual ")
                    .Append(Encode(matrix.Classes[a])).Append(", predicted ").Append(Encode(matrix.Classes[p])).Append("\">")
                    .Append(Numbers.Count(count)).Append("<small>").Append(Numbers.Percent(share)).Append("</small></td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    /// <summary>
    /// Blue for the diagonal (correct), vermillion off it (errors); the text colour is whichever of white or near-black
    /// contrasts more with the blended cell colour (WCAG relative luminance).
    /// </summary>
    private static string Shade(double share, bool correct)
    {
        var alpha = Math.Round(0.06 + (0.88 * share), 2);
        (int R, int G, int B) rgb = correct ? (0, 114, 178) : (213, 94, 0);
        var cell = Luminance(Blend(rgb.R, alpha), Blend(rgb.G, alpha), Blend(rgb.B, alpha));
        var onWhite = 1.05 / (cell + 0.05);
        var onDark = (cell + 0.05) / (Luminance(0x1f, 0x23, 0x28) + 0.05);
        var text = onWhite > onDark ? "#ffffff" : "#1f2328";
        return $"background:rgba({rgb.R},{rgb.G},{rgb.B},{alpha.ToString("0.##", CultureInfo.InvariantCulture)});color:{text}";
    }

    private static double Blend(int channel, double alpha) => (channel * alpha) + (255 * (1 - alpha));

    private static double Luminance(double r, double g, double b) => (0.2126 * Linear(r)) + (0.7152 * Linear(g)) + (0.0722 * Linear(b));

    private static double Linear(double channel)
    {
        var c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
