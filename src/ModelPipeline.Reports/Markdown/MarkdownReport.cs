using System.Globalization;
using System.Text;
using static ModelPipeline.Reports.MarkdownText;

namespace ModelPipeline.Reports;

/// <summary>
/// Renders reports as GitHub-flavoured Markdown for the job summary and pull-request comments: verdict,
/// tables and a mermaid chart GitHub draws natively. Always under <see cref="MaxLength"/> characters.
/// </summary>
public static class MarkdownReport
{
    /// <summary>The longest Markdown this renders (GitHub rejects comments over 65,536 characters).</summary>
    public const int MaxLength = MarkdownLimit.MaxLength;

    /// <summary>The challenger-vs-champion decision: verdict, metrics with deltas, gate checks, history chart.</summary>
    public static string Render(ComparisonReport report)
    {
        var md = new StringBuilder();
        md.Append("### ").Append(report.Promoted ? "✅ " : "❌ ").Append(Cell(report.Pipeline, 100)).Append(": ")
            .Append(Cell(report.Challenger.Label, 100)).Append(report.Promoted ? " promoted" : " not promoted").Append("\n\n")
            .Append("**").Append(Cell(report.Verdict, 1000)).Append("**\n\n");
        var facts = new List<string> { $"Task: {Cell(report.Task)}", $"primary metric: {Code(report.PrimaryMetric)}" };
        facts.AddRange(report.Facts.Select(f => $"{Cell(f.Key)}: {Code(f.Value)}"));
        facts.Add(report.Created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        md.Append("<sub>").AppendJoin(" · ", facts).Append("</sub>\n\n");

        var metrics = MetricOrder.Of(report);
        MetricsTable(md, report, metrics);
        GateTable(md, report.Checks);
        ImportanceTable(md, report);
        LeaderboardMarkdown.Append(md, report.Leaderboard);
        if (report.History.Any(p => double.IsFinite(p.Value)))
        {
            md.Append("#### ").Append(Cell(report.PrimaryMetric)).Append(" across versions\n\n")
                .Append(MermaidChart.History(report.History, report.PrimaryMetric)).Append('\n')
                .Append("<sub>").Append(HistoryNote).Append("</sub>\n\n");
        }
        else if (MermaidChart.Metrics(metrics, report.Challenger, report.Champion) is { } chart)
        {
            md.Append("#### Metric chart\n\n").Append(chart).Append('\n');
        }

        return MarkdownLimit.Fit(md.ToString());
    }

    /// <summary>Under the history chart: which values it plots (the same as the metrics table for the two compared models).</summary>
    internal const string HistoryNote = "Challenger and champion as scored on this holdout (the table above); earlier versions as recorded when registered.";

    /// <summary>Drift of a deployed model version: verdict, features sorted by drift, performance, anomalies.</summary>
    public static string Render(DriftReport report) => DriftMarkdown.Render(report);

    private static void MetricsTable(StringBuilder md, ComparisonReport report, IReadOnlyList<string> metrics)
    {
        var champion = report.Champion;
        md.Append("#### Metrics\n\n| Metric | ").Append(Cell(report.Challenger.Label)).Append(" |");
        md.Append(champion is null ? "\n|:---|---:|\n" : $" {Cell(champion.Label)} | Δ |\n|:---|---:|---:|---:|\n");
        foreach (var metric in metrics)
        {
            md.Append("| ").Append(metric == report.PrimaryMetric ? $"**{Cell(metric)}** (primary)" : Cell(metric))
                .Append(" | ").Append(Value(report.Challenger, metric)).Append(" |");
            if (champion is not null)
            {
                var delta = MetricDelta.Of(report, metric);
                var mark = delta.Improved switch { true => " 🟢", false => " 🔴", null => string.Empty };
                md.Append(' ').Append(Value(champion, metric)).Append(" | ").Append(delta.Text).Append(mark).Append(" |");
            }

            md.Append('\n');
        }

        md.Append('\n');
    }

    private static string Value(ModelSide side, string metric)
    {
        if (!side.Metrics.TryGetValue(metric, out var value))
        {
            return "—";
        }

        return side.Intervals.TryGetValue(metric, out var ci)
            ? $"{Numbers.Metric(value)} <sub>[{Numbers.Metric(ci.Low)}, {Numbers.Metric(ci.High)}]</sub>"
            : Numbers.Metric(value);
    }

    /// <summary>What the models rely on: the sentence of the largest changes and the ten most important inputs.</summary>
    private static void ImportanceTable(StringBuilder md, ComparisonReport report)
    {
        if (report.Challenger.Importance is not { Count: > 0 })
        {
            return;
        }

        const int shown = 10;
        var shifts = ImportanceShift.Of(report.Challenger, report.Champion);
        var champion = report.Champion?.Importance is null ? null : report.Champion;
        md.Append("#### What the models rely on\n\n");
        if (ImportanceShift.Sentence(shifts, report.Challenger.Label) is { } sentence)
        {
            md.Append("**").Append(Cell(sentence, 600)).Append("**\n\n");
        }

        md.Append("| Input | ").Append(Cell(report.Challenger.Label)).Append(" |")
            .Append(champion is null ? "\n|:---|---:|\n" : $" {Cell(champion.Label)} | change |\n|:---|---:|---:|---:|\n");
        foreach (var shift in shifts.Take(shown))
        {
            md.Append("| ").Append(Cell(shift.Input)).Append(" | ").Append(Loss(shift.Challenger)).Append(" |");
            if (champion is not null)
            {
                md.Append(' ').Append(Loss(shift.Champion)).Append(" | ").Append(Numbers.Delta(shift.Change)).Append(" |");
            }

            md.Append('\n');
        }

        md.Append("\n<sub>Loss of ").Append(Code(report.PrimaryMetric)).Append(" when the input is shuffled among the holdout rows (permutation importance, mean ± sd over the repeats)")
            .Append(shifts.Count > shown ? $"; the {shown} most important of {shifts.Count} inputs" : string.Empty).Append(".</sub>\n\n");
    }

    private static string Loss(ImportanceRow? row) => row is null ? "—" : $"{Numbers.Metric(row.Loss)} ± {Numbers.Metric(row.Spread)}";

    private static void GateTable(StringBuilder md, IReadOnlyList<GateCheckRow> checks)
    {
        md.Append("#### Promotion gate\n\n");
        if (checks.Count == 0)
        {
            md.Append("_No gate checks were configured._\n\n");
            return;
        }

        md.Append("| | Check | Detail |\n|:---:|:---|:---|\n");
        foreach (var check in checks)
        {
            md.Append("| ").Append(check.Passed ? "✅" : "❌").Append(" | ").Append(Cell(check.Name)).Append(" | ").Append(Cell(check.Detail)).Append(" |\n");
        }

        md.Append('\n');
    }
}
