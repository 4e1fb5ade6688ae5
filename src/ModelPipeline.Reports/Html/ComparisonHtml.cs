using System.Text;
using static ModelPipeline.Reports.Markup;

namespace ModelPipeline.Reports;

/// <summary>The sections of the comparison report page.</summary>
internal static class ComparisonHtml
{
    public static string Body(ComparisonReport report)
    {
        var html = new StringBuilder();
        Header(html, report);
        GateChecks(html, report.Checks);
        var metrics = MetricOrder.Of(report);
        MetricsSection(html, report, metrics);
        LeaderboardHtml.Append(html, report.Leaderboard);
        Curves(html, report);
        Confusions(html, report);
        Residuals(html, report);
        ImportanceHtml.Section(html, report);
        History(html, report);
        return html.ToString();
    }

    private static void Header(StringBuilder html, ComparisonReport report)
    {
        var against = report.Champion is null ? "first model (no champion yet)" : $"vs {report.Champion.Label}";
        html.Append("<header class=\"head\"><p class=\"eyebrow\">Model comparison · ").Append(Encode(report.Pipeline))
            .Append(" · ").Append(Encode(report.Task)).Append("</p>")
            .Append("<h1>").Append(Encode(report.Challenger.Label)).Append(" <span class=\"muted\">")
            .Append(Encode(against)).Append("</span></h1>")
            .Append(Badge.Verdict(report.Promoted, report.Promoted ? "Promoted" : "Not promoted", report.Verdict));
        Facts(html, [new("Primary metric", report.PrimaryMetric), .. report.Facts]);
        html.Append("</header>");
    }

    internal static void Facts(StringBuilder html, IReadOnlyList<KeyValuePair<string, string>> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }

        html.Append("<dl class=\"facts\">");
        foreach (var (key, value) in facts)
        {
            html.Append("<dt>").Append(Encode(key)).Append("</dt><dd>").Append(Encode(value)).Append("</dd>");
        }

        html.Append("</dl>");
    }

    private static void GateChecks(StringBuilder html, IReadOnlyList<GateCheckRow> checks)
    {
        html.Append("<section id=\"gate\"><h2>Promotion gate</h2>");
        if (checks.Count == 0)
        {
            html.Append("<p class=\"muted\">No gate checks were configured.</p></section>");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table><thead><tr><th>Check</th><th>Result</th><th>Detail</th></tr></thead><tbody>");
        foreach (var check in checks)
        {
            html.Append("<tr><td>").Append(Encode(check.Name)).Append("</td><td>")
                .Append(check.Passed ? "<span class=\"pass\">✔ passed</span>" : "<span class=\"fail\">✘ failed</span>")
                .Append("</td><td>").Append(Encode(check.Detail)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private static void MetricsSection(StringBuilder html, ComparisonReport report, IReadOnlyList<string> metrics)
    {
        html.Append("<section id=\"metrics\"><h2>Metrics on the holdout</h2>");
        html.Append(MetricTable.Html(report, metrics));
        if (metrics.Count > 0)
        {
            html.Append("<figure class=\"wide\" style=\"margin-top:16px\"><figcaption>Metrics with confidence intervals ")
                .Append("<span class=\"muted\">each metric on its own scale; the grey track is the full scale (0–1 for scores)</span></figcaption>")
                .Append(MetricBarChart.Render(metrics, report.Challenger, report.Champion)).Append("</figure>");
        }

        html.Append("</section>");
    }

    private static void Curves(StringBuilder html, ComparisonReport report)
    {
        var roc = Series(report, s => s.Roc);
        var pr = Series(report, s => s.PrecisionRecall);
        if (roc.Count == 0 && pr.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"curves\"><h2>Curves</h2><div class=\"grid\">");
        if (roc.Count > 0)
        {
            html.Append("<figure><figcaption>ROC curve</figcaption>").Append(CurveChart.Roc(roc)).Append("</figure>");
        }

        if (pr.Count > 0)
        {
            html.Append("<figure><figcaption>Precision-recall curve</figcaption>").Append(CurveChart.PrecisionRecall(pr)).Append("</figure>");
        }

        html.Append("</div></section>");
    }

    private static List<CurveSeries> Series(ComparisonReport report, Func<ModelSide, Curve?> pick)
    {
        var series = new List<CurveSeries>();
        if (pick(report.Challenger) is { Points.Count: > 0 } challenger)
        {
            series.Add(new CurveSeries(report.Challenger.Label, challenger, Palette.Challenger));
        }

        if (report.Champion is not null && pick(report.Champion) is { Points.Count: > 0 } champion)
        {
            series.Add(new CurveSeries(report.Champion.Label, champion, Palette.Champion));
        }

        return series;
    }

    private static void Confusions(StringBuilder html, ComparisonReport report)
    {
        var sides = new[] { report.Challenger, report.Champion }.OfType<ModelSide>().Where(s => s.Confusion is not null).ToList();
        if (sides.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"confusion\"><h2>Confusion matrices</h2><p class=\"muted\">Rows are actual classes, columns predicted; ")
            .Append("shading shows the share of each actual class (row).</p><div class=\"matrices\" style=\"")
            .Append(MatrixColumns(sides.Max(s => s.Confusion!.Classes.Count))).Append("\">");
        foreach (var side in sides)
        {
            html.Append("<div><h3>").Append(Encode(side.Label)).Append("</h3>").Append(ConfusionHeatmap.Html(side.Confusion!)).Append("</div>");
        }

        html.Append("</div></section>");
    }

    /// <summary>Side by side while both matrices fit, stacked once they have many classes.</summary>
    private static string MatrixColumns(int classes) =>
        $"grid-template-columns:repeat(auto-fill,minmax(min(100%,{160 + (72 * classes)}px),1fr))";

    private static void Residuals(StringBuilder html, ComparisonReport report)
    {
        var sides = new[] { (report.Challenger, Palette.Challenger), (report.Champion, Palette.Champion) }
            .Where(s => s.Item1?.Residuals is { Count: > 0 })
            .ToList();
        if (sides.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"residuals\"><h2>Predicted vs actual</h2><div class=\"grid\">");
        foreach (var (side, color) in sides)
        {
            html.Append("<figure><figcaption>").Append(Encode(side!.Label)).Append("</figcaption>")
                .Append(ResidualChart.Render(side.Label, side.Residuals!, color)).Append("</figure>");
        }

        html.Append("</div></section>");
    }

    private static void History(StringBuilder html, ComparisonReport report)
    {
        if (!report.History.Any(p => double.IsFinite(p.Value)))
        {
            return;
        }

        html.Append("<section id=\"history\"><h2>").Append(Encode(report.PrimaryMetric)).Append(" across versions</h2>")
            .Append("<figure class=\"wide\"><figcaption>").Append(Encode(report.PrimaryMetric))
            .Append(" <span class=\"muted\">of every registered version, champion ringed. ").Append(Encode(MarkdownReport.HistoryNote)).Append("</span></figcaption>")
            .Append(HistoryChart.Render(report.History, report.PrimaryMetric, VersionOf(report.Challenger.Label))).Append("</figure></section>");
    }

    /// <summary>"challenger 1.3.0" → "1.3.0": the last word of a label, to find the challenger in the history.</summary>
    internal static string VersionOf(string label) => label.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? label;
}
