namespace ModelPipeline.Reports;

/// <summary>
/// What the Monitor target found when comparing current data (new rows, server logs) with the reference
/// profile of a model version. Plain values only.
/// </summary>
/// <param name="Pipeline">Pipeline name.</param>
/// <param name="ModelVersion">The monitored model version, e.g. "1.3.0".</param>
/// <param name="Verdict">One line, e.g. "Dataset drift: 4 of 9 features drifted (44%). Retrain recommended."</param>
/// <param name="DatasetDrift">True when drift crossed the dataset threshold (red badge).</param>
/// <param name="DriftShare">Share of features that drifted, 0..1.</param>
/// <param name="Features">One row per feature, in any order (the report sorts them).</param>
/// <param name="Created">When the check ran.</param>
public sealed record DriftReport(
    string Pipeline,
    string ModelVersion,
    string Verdict,
    bool DatasetDrift,
    double DriftShare,
    IReadOnlyList<FeatureDriftRow> Features,
    DateTimeOffset Created)
{
    /// <summary>Drift of the model's predictions (the prediction treated as a feature); null when not measured.</summary>
    public FeatureDriftRow? PredictionDrift { get; init; }

    /// <summary>Drift of the true labels, when current labels are known; null otherwise.</summary>
    public FeatureDriftRow? LabelDrift { get; init; }

    /// <summary>Metrics on reference vs current data, when current labels are known.</summary>
    public IReadOnlyList<PerformanceRow> Performance { get; init; } = [];

    /// <summary>Share of current rows flagged as anomalies (0..1); null when not measured.</summary>
    public double? AnomalyRate { get; init; }

    /// <summary>The most anomalous current rows, most anomalous first.</summary>
    public IReadOnlyList<AnomalyRow> TopAnomalies { get; init; } = [];

    /// <summary>Number of reference rows (shown when positive).</summary>
    public long ReferenceRows { get; init; }

    /// <summary>Number of current rows (shown when positive).</summary>
    public long CurrentRows { get; init; }
}
