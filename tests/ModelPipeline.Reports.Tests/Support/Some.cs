namespace ModelPipeline.Reports.Tests;

/// <summary>Small hand-made reports for edge cases.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Created = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);

    public static ModelSide Side(string label, double auc, double logLoss) =>
        new(label, new Dictionary<string, double> { ["auc"] = auc, ["log_loss"] = logLoss })
        {
            Intervals = new Dictionary<string, Interval> { ["auc"] = new(auc - 0.02, auc + 0.02) },
        };

    public static ComparisonReport Comparison(string pipeline = "churn", bool promoted = true, bool withChampion = true) =>
        new(
            pipeline,
            promoted ? "Challenger 1.3.0 promoted" : "Champion 1.2.0 kept",
            promoted,
            "binary",
            Side("challenger 1.3.0", 0.87, 0.40),
            withChampion ? Side("champion 1.2.0", 0.85, 0.42) : null,
            [new GateCheckRow("auc improves", promoted, "0.8700 vs 0.8500")],
            [new VersionPoint("1.2.0", 0.85, true), new VersionPoint("1.3.0", 0.87, false)],
            "auc",
            Created);

    public static IReadOnlyList<VersionPoint> History(int count) =>
        Enumerable.Range(0, count).Select(i => new VersionPoint($"1.{i}.0", 0.8 + (i % 17 / 1000.0), i == count - 2)).ToList();

    public static FeatureDriftRow Feature(string name, double statistic, bool drifted, bool pValue = false) =>
        new(name, FeatureKind.Numeric, pValue ? "KS p-value" : "PSI", statistic, pValue ? 0.05 : 0.1, drifted,
            [new HistogramBin("[0, 1)", 0.5), new HistogramBin("[1, 2)", 0.5)],
            [new HistogramBin("[0, 1)", 0.3), new HistogramBin("[1, 2)", 0.7)])
        {
            StatisticIsPValue = pValue,
        };
}
