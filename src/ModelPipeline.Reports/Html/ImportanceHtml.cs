using System.Text;
using static ModelPipeline.Reports.Markup;

namespace ModelPipeline.Reports;

/// <summary>The comparison report's "What the models rely on" section: chart, sentence of the largest changes, table.</summary>
internal static class ImportanceHtml
{
    public static void Section(StringBuilder html, ComparisonReport report)
    {
        if (report.Challenger.Importance is not { Count: > 0 })
        {
            return;
        }

        var shifts = ImportanceShift.Of(report.Challenger, report.Champion);
        var champion = report.Champion?.Importance is null ? null : report.Champion;
        html.Append("<section id=\"importance\"><h2>What the models rely on</h2>");
        if (ImportanceShift.Sentence(shifts, report.Challenger.Label) is { } sentence)
        {
            html.Append("<p><strong>").Append(Encode(sentence)).Append("</strong></p>");
        }

        html.Append("<figure class=\"wide\"><figcaption>Loss of ").Append(Encode(report.PrimaryMetric))
            .Append(" when an input is shuffled among the holdout rows <span class=\"muted\">permutation importance, mean ± one standard deviation over the repeats")
            .Append(shifts.Count > ImportanceChart.MaxInputs ? $"; the {ImportanceChart.MaxInputs} most important of {shifts.Count} inputs" : string.Empty)
            .Append("</span></figcaption>")
            .Append(ImportanceChart.Render(shifts, report.Challenger, champion, report.PrimaryMetric)).Append("</figure>");

        var hasShap = shifts.Any(s => s.Challenger?.MeanAbsoluteContribution is not null || s.Champion?.MeanAbsoluteContribution is not null);
        html.Append("<div class=\"table-wrap\"><table><thead><tr><th>Input</th><th>").Append(Encode(report.Challenger.Label)).Append("</th>");
        if (champion is not null)
        {
            html.Append("<th>").Append(Encode(champion.Label)).Append("</th><th>Change</th>");
        }

        if (hasShap)
        {
            html.Append("<th>mean |SHAP| ").Append(Encode(report.Challenger.Label)).Append("</th>");
            if (champion is not null)
            {
                html.Append("<th>mean |SHAP| ").Append(Encode(champion.Label)).Append("</th>");
            }
        }

        html.Append("</tr></thead><tbody>");
        foreach (var shift in shifts)
        {
            html.Append("<tr><td>").Append(Encode(shift.Input)).Append("</td><td>").Append(Loss(shift.Challenger)).Append("</td>");
            if (champion is not null)
            {
                html.Append("<td>").Append(Loss(shift.Champion)).Append("</td><td>").Append(Encode(Numbers.Delta(shift.Change))).Append("</td>");
            }

            if (hasShap)
            {
                html.Append("<td>").Append(Shap(shift.Challenger)).Append("</td>");
                if (champion is not null)
                {
                    html.Append("<td>").Append(Shap(shift.Champion)).Append("</td>");
                }
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static string Loss(ImportanceRow? row) =>
        row is null ? "—" : Encode($"{Numbers.Metric(row.Loss)} ± {Numbers.Metric(row.Spread)}");

    private static string Shap(ImportanceRow? row) =>
        row?.MeanAbsoluteContribution is { } value ? Encode(Numbers.Metric(value)) : "—";
}
