using System.Text;
using static ModelPipeline.Reports.Markup;

namespace ModelPipeline.Reports;

/// <summary>The sections of the drift report page.</summary>
internal static class DriftHtml
{
    public static string Body(DriftReport report)
    {
        var html = new StringBuilder();
        var features = DriftOrder.Sort(report.Features);
        html.Append("<header class=\"head\"><p class=\"eyebrow\">Drift report · ").Append(Encode(report.Pipeline)).Append("</p>")
            .Append("<h1>Model ").Append(Encode(report.ModelVersion)).Append(" <span class=\"muted\">")
            .Append(Encode($"{report.Features.Count(f => f.Drifted)} of {report.Features.Count} features drifted ({Numbers.Percent(report.DriftShare)})")).Append("</span></h1>")
            .Append(Badge.Verdict(!report.DatasetDrift, report.DatasetDrift ? "Drift detected" : "No dataset drift", report.Verdict));
        var facts = new List<KeyValuePair<string, string>>();
        if (report.ReferenceRows > 0)
        {
            facts.Add(new("Reference rows", Numbers.Count(report.ReferenceRows)));
        }

        if (report.CurrentRows > 0)
        {
            facts.Add(new("Current rows", Numbers.Count(report.CurrentRows)));
        }

        if (report.AnomalyRate is { } rate)
        {
            facts.Add(new("Anomaly rate", Numbers.Percent(rate)));
        }

        ComparisonHtml.Facts(html, facts);
        html.Append("</header>");

        html.Append("<section id=\"features\"><h2>Features by drift</h2>").Append(FeatureTable(features)).Append("</section>");
        var targets = new[] { ("Prediction drift", report.PredictionDrift), ("Label drift", report.LabelDrift) }
            .Where(t => t.Item2 is not null).ToList();
        if (targets.Count > 0)
        {
            html.Append("<section id=\"targets\"><h2>Predictions and labels</h2><div class=\"grid\">");
            foreach (var (title, row) in targets)
            {
                html.Append(Figure(title + ": " + row!.Name, row));
            }

            html.Append("</div></section>");
        }

        Performance(html, report.Performance);
        if (features.Count > 0)
        {
            html.Append("<section id=\"distributions\"><h2>Distributions: reference vs current</h2><div class=\"grid\">");
            foreach (var feature in features)
            {
                html.Append(Figure(feature.Name, feature));
            }

            html.Append("</div></section>");
        }

        Anomalies(html, report.TopAnomalies);
        return html.ToString();
    }

    private static string FeatureTable(IReadOnlyList<FeatureDriftRow> features)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table><thead><tr><th>Feature</th><th>Kind</th><th>Method</th>")
            .Append("<th class=\"num\">Statistic</th><th class=\"num\">Threshold</th><th>Drift</th></tr></thead><tbody>");
        foreach (var f in features)
        {
            html.Append("<tr><td>").Append(Encode(f.Name)).Append("</td><td>").Append(f.Kind == FeatureKind.Numeric ? "numeric" : "categorical")
                .Append("</td><td>").Append(Encode(f.Method)).Append("</td><td class=\"num\">").Append(Numbers.Metric(f.Statistic))
                .Append("</td><td class=\"num\">").Append(Numbers.Metric(f.Threshold)).Append("</td><td>")
                .Append(f.Drifted ? "<span class=\"fail\">✘ drifted</span>" : "<span class=\"pass\">✔ stable</span>").Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Figure(string caption, FeatureDriftRow row) =>
        $"<figure><figcaption>{Encode(caption)} <span class=\"muted\">{Encode(row.Method)} {Numbers.Metric(row.Statistic)}"
        + $"{(row.Drifted ? " · drifted" : string.Empty)}</span></figcaption>{DistributionChart.Render(row)}</figure>";

    private static void Performance(StringBuilder html, IReadOnlyList<PerformanceRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"performance\"><h2>Performance</h2><div class=\"table-wrap\"><table><thead><tr><th>Metric</th>")
            .Append("<th class=\"num\">Reference</th><th class=\"num\">Current</th><th class=\"num\">Δ</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            var current = Numbers.Metric(row.Current);
            if (row.CurrentInterval is { } ci)
            {
                current += $" [{Numbers.Metric(ci.Low)}, {Numbers.Metric(ci.High)}]";
            }

            html.Append("<tr><td>").Append(Encode(row.Metric)).Append("</td><td class=\"num\">").Append(Numbers.Metric(row.Reference))
                .Append("</td><td class=\"num\">").Append(current).Append("</td><td class=\"num ").Append(DeltaClass(row)).Append("\">")
                .Append(Numbers.Delta(row.Current - row.Reference, Math.Max(Math.Abs(row.Current), Math.Abs(row.Reference)))).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    /// <summary>Red when the metric got worse on current data, green when it got better.</summary>
    private static string DeltaClass(PerformanceRow row)
    {
        var delta = row.Current - row.Reference;
        if (!double.IsFinite(delta) || delta == 0)
        {
            return "muted";
        }

        var higherIsBetter = MetricDirection.HigherIsBetter(row.Metric, MetricDirection.DefaultLowerIsBetter);
        return (delta > 0) == higherIsBetter ? "better" : "worse";
    }

    private static void Anomalies(StringBuilder html, IReadOnlyList<AnomalyRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var columns = rows.SelectMany(r => r.Values.Select(v => v.Key)).Distinct().Take(8).ToList();
        html.Append("<section id=\"anomalies\"><h2>Most anomalous rows</h2><div class=\"table-wrap\"><table><thead><tr><th class=\"num\">Row</th><th class=\"num\">Score</th>");
        foreach (var column in columns)
        {
            html.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var values = row.Values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.First().Value);
            html.Append("<tr><td class=\"num\">").Append(Numbers.Count(row.Row)).Append("</td><td class=\"num\">").Append(Numbers.Metric(row.Score)).Append("</td>");
            foreach (var column in columns)
            {
                html.Append("<td>").Append(Encode(values.GetValueOrDefault(column, string.Empty))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></section>");
    }
}
