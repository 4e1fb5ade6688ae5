using System.Globalization;
using System.Text;
using static ModelPipeline.Reports.MarkdownText;

namespace ModelPipeline.Reports;

/// <summary>The drift report as GitHub-flavoured Markdown.</summary>
internal static class DriftMarkdown
{
    /// <summary>Feature rows listed before the table is cut (the HTML report has them all).</summary>
    public const int MaxFeatures = 200;

    /// <summary>Drifted features that get a distribution chart (the HTML report draws every feature).</summary>
    public const int MaxCharts = 3;

    public static string Render(DriftReport report)
    {
        var features = DriftOrder.Sort(report.Features);
        var drifted = report.Features.Count(f => f.Drifted);
        var md = new StringBuilder();
        md.Append("### ").Append(report.DatasetDrift ? "🔴 " : "🟢 ").Append(Cell(report.Pipeline, 100)).Append(' ')
            .Append(Cell(report.ModelVersion, 60)).Append(report.DatasetDrift ? ": drift detected" : ": no dataset drift").Append("\n\n")
            .Append("**").Append(Cell(report.Verdict, 1000)).Append("**\n\n");
        var facts = new List<string> { $"{drifted} of {report.Features.Count} features drifted ({Numbers.Percent(report.DriftShare)})" };
        if (report.ReferenceRows > 0)
        {
            facts.Add($"reference rows: {Numbers.Count(report.ReferenceRows)}");
        }

        if (report.CurrentRows > 0)
        {
            facts.Add($"current rows: {Numbers.Count(report.CurrentRows)}");
        }

        if (report.AnomalyRate is { } rate)
        {
            facts.Add($"anomaly rate: {Numbers.Percent(rate)}");
        }

        facts.Add(report.Created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        md.Append("<sub>").AppendJoin(" · ", facts).Append("</sub>\n\n");

        md.Append("#### Features by drift\n\n| | Feature | Kind | Method | Statistic | Threshold |\n|:---:|:---|:---|:---|---:|---:|\n");
        foreach (var f in features.Take(MaxFeatures))
        {
            Row(md, f, Cell(f.Name));
        }

        if (features.Count > MaxFeatures)
        {
            md.Append("\n_").Append(features.Count - MaxFeatures).Append(" more features are listed in the HTML report._\n");
        }

        md.Append('\n');
        if (report.PredictionDrift is not null || report.LabelDrift is not null)
        {
            md.Append("#### Predictions and labels\n\n| | Target | Kind | Method | Statistic | Threshold |\n|:---:|:---|:---|:---|---:|---:|\n");
            if (report.PredictionDrift is { } prediction)
            {
                Row(md, prediction, "prediction: " + Cell(prediction.Name));
            }

            if (report.LabelDrift is { } label)
            {
                Row(md, label, "label: " + Cell(label.Name));
            }

            md.Append('\n');
        }

        foreach (var feature in features.Where(f => f.Drifted).Take(MaxCharts))
        {
            md.Append("#### ").Append(Cell(feature.Name)).Append(" drifted\n\n").Append(MermaidChart.Distribution(feature)).Append('\n');
        }

        Performance(md, report.Performance);
        Anomalies(md, report.TopAnomalies);
        return MarkdownLimit.Fit(md.ToString());
    }

    private static void Row(StringBuilder md, FeatureDriftRow f, string name) =>
        md.Append("| ").Append(f.Drifted ? "❌" : "✅").Append(" | ").Append(name).Append(" | ")
            .Append(f.Kind == FeatureKind.Numeric ? "numeric" : "categorical").Append(" | ").Append(Cell(f.Method)).Append(" | ")
            .Append(Numbers.Metric(f.Statistic)).Append(" | ").Append(Numbers.Metric(f.Threshold)).Append(" |\n");

    private static void Performance(StringBuilder md, IReadOnlyList<PerformanceRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("#### Performance\n\n| Metric | Reference | Current | Δ |\n|:---|---:|---:|---:|\n");
        foreach (var row in rows)
        {
            var current = Numbers.Metric(row.Current)
                + (row.CurrentInterval is { } ci ? $" <sub>[{Numbers.Metric(ci.Low)}, {Numbers.Metric(ci.High)}]</sub>" : string.Empty);
            md.Append("| ").Append(Cell(row.Metric)).Append(" | ").Append(Numbers.Metric(row.Reference)).Append(" | ")
                .Append(current).Append(" | ").Append(Numbers.Delta(row.Current - row.Reference, Math.Max(Math.Abs(row.Current), Math.Abs(row.Reference)))).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Anomalies(StringBuilder md, IReadOnlyList<AnomalyRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        md.Append("#### Most anomalous rows\n\n| Row | Score | Values |\n|---:|---:|:---|\n");
        foreach (var row in rows.Take(20))
        {
            var values = string.Join(", ", row.Values.Take(8).Select(v => $"{v.Key}={v.Value}"));
            md.Append("| ").Append(Numbers.Count(row.Row)).Append(" | ").Append(Numbers.Metric(row.Score)).Append(" | ")
                .Append(Cell(values)).Append(" |\n");
        }

        md.Append('\n');
    }
}
