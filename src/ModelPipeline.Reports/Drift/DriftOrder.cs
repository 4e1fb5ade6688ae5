namespace ModelPipeline.Reports;

/// <summary>Features most worth a look first: drifted before stable, then by how far past the threshold.</summary>
internal static class DriftOrder
{
    public static IReadOnlyList<FeatureDriftRow> Sort(IReadOnlyList<FeatureDriftRow> features) =>
        features
            .OrderByDescending(f => f.Drifted)
            .ThenByDescending(Severity)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Distance ÷ threshold, or threshold ÷ p-value: greater than 1 means past the threshold.</summary>
    internal static double Severity(FeatureDriftRow feature)
    {
        if (!double.IsFinite(feature.Statistic))
        {
            return double.NegativeInfinity;
        }

        if (feature.StatisticIsPValue)
        {
            return feature.Threshold / Math.Max(feature.Statistic, 1e-300);
        }

        return feature.Threshold > 0 ? feature.Statistic / feature.Threshold : feature.Statistic;
    }
}
