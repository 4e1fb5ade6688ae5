using System.Text;

namespace ModelPipeline.Reports;

/// <summary>Mermaid xychart-beta blocks, which GitHub renders natively in Markdown.</summary>
internal static class MermaidChart
{
    /// <summary>The most recent versions shown in the history chart (more would be unreadable).</summary>
    public const int MaxVersions = 30;

    /// <summary>The primary metric across the last <see cref="MaxVersions"/> versions, the champion starred.</summary>
    public static string History(IReadOnlyList<VersionPoint> history, string metric)
    {
        var champion = HistoryChart.CurrentChampion(history);
        var shown = Enumerable.Range(0, history.Count).Where(i => double.IsFinite(history[i].Value)).TakeLast(MaxVersions).ToList();
        var labels = shown.Select(i => MarkdownText.Mermaid(i == champion ? history[i].Version + " ★" : history[i].Version, 20));
        var values = shown.Select(i => history[i].Value).ToList();
        var finiteCount = history.Count(p => double.IsFinite(p.Value));
        var title = finiteCount > shown.Count
            ? $"{metric} across the last {shown.Count} of {finiteCount} versions (★ champion)"
            : $"{metric} across versions (★ champion)";
        var axis = Ticks.Spanning(values.DefaultIfEmpty(0).Min(), values.DefaultIfEmpty(1).Max());
        return Block(title, labels, metric, [axis.Min, axis.Max], [("line", values)]);
    }

    /// <summary>Metrics of both models as bars (challenger) and a line (champion), for metrics on a 0..1 scale.</summary>
    public static string? Metrics(IReadOnlyList<string> metrics, ModelSide challenger, ModelSide? champion)
    {
        var unitMetrics = metrics
            .Where(m => challenger.Metrics.TryGetValue(m, out var v) && v is >= 0 and <= 1)
            .Where(m => champion is null || (champion.Metrics.TryGetValue(m, out var c) && c is >= 0 and <= 1))
            .Take(12)
            .ToList();
        if (unitMetrics.Count == 0)
        {
            return null;
        }

        var series = new List<(string, IReadOnlyList<double>)> { ("bar", unitMetrics.Select(m => challenger.Metrics[m]).ToList()) };
        if (champion is not null)
        {
            series.Add(("line", unitMetrics.Select(m => champion.Metrics[m]).ToList()));
        }

        var title = champion is null ? $"{challenger.Label}" : $"bars: {challenger.Label}, line: {champion.Label}";
        return Block(title, unitMetrics.Select(m => MarkdownText.Mermaid(m, 20)), "value", [0, 1], series);
    }

    /// <summary>A drifted feature's reference (bars) and current (line) distribution, in percent of rows.</summary>
    public static string Distribution(FeatureDriftRow feature)
    {
        var bins = DistributionChart.PairBins(feature.Reference, feature.Current, 12);
        var reference = bins.Select(b => Math.Round(b.Reference * 100, 2)).ToList();
        var current = bins.Select(b => Math.Round(b.Current * 100, 2)).ToList();
        return Block(
            $"{feature.Name}: reference (bars) vs current (line)",
            bins.Select(b => MarkdownText.Mermaid(b.Label, 20)),
            "% of rows",
            [0, .. reference, .. current],
            [("bar", reference), ("line", current)]);
    }

    private static string Block(string title, IEnumerable<string> labels, string yTitle, IReadOnlyList<double> range,
        IReadOnlyList<(string Kind, IReadOnlyList<double> Values)> series)
    {
        var ticks = Ticks.Cover(range.DefaultIfEmpty(0).Min(), range.DefaultIfEmpty(1).Max(), 5);
        var md = new StringBuilder("```mermaid\nxychart-beta\n")
            .Append("    title ").Append(MarkdownText.Mermaid(title, 80)).Append('\n')
            .Append("    x-axis [").AppendJoin(", ", labels).Append("]\n")
            .Append("    y-axis ").Append(MarkdownText.Mermaid(yTitle, 30)).Append(' ')
            .Append(Numbers.Plain(ticks.Min)).Append(" --> ").Append(Numbers.Plain(ticks.Max)).Append('\n');
        foreach (var (kind, values) in series)
        {
            md.Append("    ").Append(kind).Append(" [").AppendJoin(", ", values.Select(Numbers.Plain)).Append("]\n");
        }

        return md.Append("```\n").ToString();
    }
}
