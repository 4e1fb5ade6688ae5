using System.Text;
using static ModelPipeline.Reports.Markup;

namespace ModelPipeline.Reports;

/// <summary>The report's "Model search" section: the leaderboard's chart and table (<c>trainer.type: auto</c>).</summary>
internal static class LeaderboardHtml
{
    public static void Append(StringBuilder html, Leaderboard? leaderboard)
    {
        if (leaderboard is null)
        {
            return;
        }

        html.Append("<section id=\"search\"><h2>Model search</h2><p class=\"muted\">").Append(Encode(leaderboard.Summary)).Append("</p>")
            .Append("<figure class=\"wide\"><figcaption>Cross-validated ").Append(Encode(leaderboard.Metric))
            .Append(" per candidate <span class=\"muted\">mean ± one standard deviation over the folds, on the training rows; highlighted: chosen</span></figcaption>")
            .Append(LeaderboardChart.Render(leaderboard)).Append("</figure>");
        html.Append("<div class=\"table-wrap\"><table><thead><tr><th>#</th><th>Trainer</th><th>Parameters</th><th>Scored with</th><th>")
            .Append(Encode(leaderboard.Metric)).Append(" (CV mean)</th><th>± sd</th><th>Work (M units)</th><th>Seconds</th></tr></thead><tbody>");
        foreach (var row in leaderboard.Rows)
        {
            html.Append(row.Chosen ? "<tr class=\"chosen\"><td><strong>" : "<tr><td>").Append(row.Index).Append(row.Chosen ? " ✔</strong>" : string.Empty)
                .Append("</td><td>").Append(Encode(row.Trainer)).Append("</td><td><code>").Append(Encode(row.Parameters)).Append("</code></td><td>")
                .Append(Encode(row.Stage)).Append("</td><td class=\"num\">")
                .Append(row.Error is null ? Numbers.Metric(row.Mean) : "<span class=\"fail\">" + Encode(row.Error) + "</span>")
                .Append("</td><td class=\"num\">").Append(Numbers.Metric(row.Spread)).Append("</td><td class=\"num\">")
                .Append(Numbers.Plain(Math.Round(row.Work / 1e6, 1))).Append("</td><td class=\"num\">").Append(Numbers.Plain(Math.Round(row.Seconds, 2)))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }
}
