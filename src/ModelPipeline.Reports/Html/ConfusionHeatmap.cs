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

    /// <summary>Blue for the diagonal (correct), vermillion off it (errors); white text on dark cells for contrast.</summary>
    private static string Shade(double share, bool correct)
    {
        var alpha = (0.06 + (0.88 * share)).ToString("0.##", CultureInfo.InvariantCulture);
        var rgb = correct ? "0,114,178" : "213,94,0";
        var text = share > 0.5 ? "#ffffff" : "#1f2328";
        return $"background:rgba({rgb},{alpha});color:{text}";
    }
}
