using System.Text;
using static ModelPipeline.Reports.Markup;

namespace ModelPipeline.Reports;

/// <summary>Metrics table: challenger, champion (with intervals) and the signed delta, coloured by direction.</summary>
internal static class MetricTable
{
    public static string Html(ComparisonReport report, IReadOnlyList<string> metrics)
    {
        var champion = report.Champion;
        var html = new StringBuilder("<div class=\"table-wrap\"><table><thead><tr><th>Metric</th><th class=\"num\">")
            .Append(Encode(report.Challenger.Label)).Append("</th>");
        if (champion is not null)
        {
            html.Append("<th class=\"num\">").Append(Encode(champion.Label)).Append("</th><th class=\"num\">Δ</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var metric in metrics)
        {
            html.Append("<tr><td>").Append(Encode(metric))
                .Append(metric == report.PrimaryMetric ? " <span class=\"muted\">(primary)</span>" : string.Empty)
                .Append("</td><td class=\"num\">").Append(Cell(report.Challenger, metric)).Append("</td>");
            if (champion is not null)
            {
                html.Append("<td class=\"num\">").Append(Cell(champion, metric)).Append("</td>");
                var delta = MetricDelta.Of(report, metric);
                var css = delta.Improved switch { true => "better", false => "worse", null => "muted" };
                html.Append("<td class=\"num ").Append(css).Append("\">").Append(Encode(delta.Text)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Cell(ModelSide side, string metric)
    {
        if (!side.Metrics.TryGetValue(metric, out var value))
        {
            return "<span class=\"muted\">—</span>";
        }

        var text = Encode(Numbers.Metric(value));
        return side.Intervals.TryGetValue(metric, out var ci)
            ? $"{text} <span class=\"muted\">[{Encode(Numbers.Metric(ci.Low))}, {Encode(Numbers.Metric(ci.High))}]</span>"
            : text;
    }
}
