namespace ModelPipeline.Reports;

/// <summary>
/// Drift of one column between reference and current data. The two bin lists are drawn as paired bars and
/// should use the same labels in the same order (bins missing on one side are drawn as 0).
/// </summary>
/// <param name="Name">Feature (column) name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Method">Test or distance used, e.g. "PSI", "Kolmogorov-Smirnov p-value", "chi² p-value".</param>
/// <param name="Statistic">The value of the test or distance.</param>
/// <param name="Threshold">The value at which the feature counts as drifted.</param>
/// <param name="Drifted">True when the feature drifted.</param>
/// <param name="Reference">Reference distribution.</param>
/// <param name="Current">Current distribution.</param>
public sealed record FeatureDriftRow(
    string Name,
    FeatureKind Kind,
    string Method,
    double Statistic,
    double Threshold,
    bool Drifted,
    IReadOnlyList<HistogramBin> Reference,
    IReadOnlyList<HistogramBin> Current)
{
    /// <summary>
    /// True when <see cref="Statistic"/> is a p-value (smaller means more drift); false for distances such as
    /// PSI or Wasserstein (larger means more drift). Decides the sort order of the feature table.
    /// </summary>
    public bool StatisticIsPValue { get; init; }
}
