using ModelPipeline.Definitions;
using ModelPipeline.Monitoring;
using ModelPipeline.Reports;

namespace ModelPipeline.Build;

/// <summary>The pipeline YAML's monitor section as drift rules, and a drift result as the report's records.</summary>
internal static class MonitorMapping
{
    public static DriftRules Rules(MonitorSection monitor) => new()
    {
        DriftShare = monitor.DriftShare,
        Features = monitor.Features.ToDictionary(
            f => f.Key,
            f => new FeatureRule(Test(f.Value.Method), f.Value.Threshold)),
        DecayMetric = monitor.Decay?.Metric,
        MaxDrop = monitor.Decay?.MaxDrop ?? 0.02,
    };

    public static DriftTest Test(DriftMethod method) => method switch
    {
        DriftMethod.Ks => DriftTest.Ks,
        DriftMethod.Chi2 => DriftTest.Chi2,
        DriftMethod.Psi => DriftTest.Psi,
        DriftMethod.Wasserstein => DriftTest.Wasserstein,
        _ => DriftTest.JensenShannon,
    };

    public static DriftReport Report(string pipeline, string version, DriftResult result, DateTimeOffset created) =>
        new(pipeline, version, result.Verdict, result.DatasetDrift, result.DriftShare, [.. result.Features.Select(Row)], created)
        {
            PredictionDrift = Row(result.Prediction),
            LabelDrift = result.Label is { } label ? Row(label.Column) : null,
            Performance = result.Decay is { } decay
                ? [new PerformanceRow(decay.Metric, decay.Reference, decay.Current, new Interval(decay.Lower, decay.Upper))]
                : [],
            AnomalyRate = result.Anomalies?.Rate,
            // Line numbers as the user finds them in the CSV: header on line 1.
            TopAnomalies = result.Anomalies is { } anomalies
                ? [.. anomalies.Top.Select(a => new AnomalyRow(a.Row + 2L, a.Score, a.Values))]
                : [],
            ReferenceRows = result.ReferenceRows,
            CurrentRows = result.CurrentRows,
        };

    private static FeatureDriftRow Row(ColumnDrift drift) =>
        new(drift.Name, drift.Numeric ? FeatureKind.Numeric : FeatureKind.Categorical, drift.MethodName, drift.Statistic, drift.Threshold, drift.Drifted,
            Bins(drift.Bins, drift.ReferenceShares), Bins(drift.Bins, drift.CurrentShares))
        {
            StatisticIsPValue = drift.StatisticIsPValue,
        };

    private static List<HistogramBin> Bins(IReadOnlyList<string> labels, IReadOnlyList<double> shares) =>
        [.. labels.Zip(shares, (l, s) => new HistogramBin(l, s))];
}
