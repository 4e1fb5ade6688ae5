namespace ModelPipeline.Reports;

/// <summary>Challenger minus champion for one metric, and whether that is an improvement.</summary>
internal readonly record struct MetricDelta(double Value, string Text, bool? Improved)
{
    public static MetricDelta Of(ComparisonReport report, string metric)
    {
        if (report.Champion is null
            || !report.Challenger.Metrics.TryGetValue(metric, out var challenger)
            || !report.Champion.Metrics.TryGetValue(metric, out var champion)
            || !double.IsFinite(challenger) || !double.IsFinite(champion))
        {
            return new MetricDelta(double.NaN, "—", null);
        }

        var delta = challenger - champion;
        var text = Numbers.Delta(delta, Math.Max(Math.Abs(challenger), Math.Abs(champion)));
        if (text.StartsWith('±'))
        {
            return new MetricDelta(delta, text, null);
        }

        var higherIsBetter = MetricDirection.HigherIsBetter(metric, report.LowerIsBetter);
        return new MetricDelta(delta, text, higherIsBetter ? delta > 0 : delta < 0);
    }
}
