namespace ModelPipeline.Reports;

/// <summary>The order metrics are listed in: primary first, then the challenger's, then champion-only ones.</summary>
internal static class MetricOrder
{
    public static IReadOnlyList<string> Of(ComparisonReport report)
    {
        var names = new List<string>();
        if (report.Challenger.Metrics.ContainsKey(report.PrimaryMetric) || report.Champion?.Metrics.ContainsKey(report.PrimaryMetric) == true)
        {
            names.Add(report.PrimaryMetric);
        }

        names.AddRange(report.Challenger.Metrics.Keys);
        if (report.Champion is not null)
        {
            names.AddRange(report.Champion.Metrics.Keys);
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
