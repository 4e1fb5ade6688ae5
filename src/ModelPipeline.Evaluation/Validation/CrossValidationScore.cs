namespace ModelPipeline.Evaluation;

/// <summary>
/// A metric over cross-validation folds: the per-fold values, their mean and their standard deviation
/// (population, ddof = 0, as scikit-learn's cv_results_ std_test_score).
/// </summary>
public sealed record CrossValidationScore(string Metric, double[] FoldScores)
{
    public double Mean => FoldScores.Average();

    public double StandardDeviation
    {
        get
        {
            var mean = Mean;
            return Math.Sqrt(FoldScores.Sum(s => (s - mean) * (s - mean)) / FoldScores.Length);
        }
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Metric} {Mean:0.0000} ± {StandardDeviation:0.0000} over {FoldScores.Length} folds");
}
