namespace ModelPipeline.Training.Trees;

/// <summary>
/// The best split found for a node: the feature, either a bin threshold (numeric: bins &lt;= threshold go left) or
/// a set of bins that go left (categorical), where missing values go, the gain and the left child's sums.
/// </summary>
internal sealed record SplitCandidate(
    double Gain,
    int Feature,
    int Threshold,
    bool MissingLeft,
    ulong[]? LeftBins,
    double LeftGradient,
    double LeftHessian,
    int LeftCount)
{
    public bool GoesLeft(byte bin) =>
        LeftBins is { } set
            ? (set[bin >> 6] & (1UL << (bin & 63))) != 0
            : bin == FeatureBinner.MissingBin ? MissingLeft : bin <= Threshold;
}
