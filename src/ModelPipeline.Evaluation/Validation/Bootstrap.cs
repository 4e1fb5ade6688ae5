namespace ModelPipeline.Evaluation;

/// <summary>Seeded bootstrap confidence intervals: the same seed gives the same interval on every machine.</summary>
public static class Bootstrap
{
    public const int DefaultResamples = 1000;
    public const double DefaultLevel = 0.95;

    /// <summary>Percentile interval of a binary metric (e.g. auc, f1) from labels (0/1) and positive-class scores.</summary>
    public static ConfidenceInterval Interval(int[] labels, double[] scores, string metric, int resamples = DefaultResamples, double level = DefaultLevel, int seed = 0) =>
        Interval(ModelEvaluator.ScoreBinary(labels, scores), metric, resamples, level, seed);

    /// <summary>Percentile interval of any metric of an evaluation, resampling its rows.</summary>
    public static ConfidenceInterval Interval(ModelEvaluation evaluation, string metric, int resamples = DefaultResamples, double level = DefaultLevel, int seed = 0)
    {
        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "Resamples must be at least 1.");
        }

        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be between 0 and 1.");
        }

        var row = new RowMetric(evaluation, metric);
        var random = new Random(seed);
        var counts = new int[row.RowCount];
        var values = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            ResampleCounts.Draw(random, counts);
            var value = row.Value(counts);
            if (!double.IsNaN(value))
            {
                values.Add(value);
            }
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(
            metric,
            evaluation.Metrics[metric],
            ResampleCounts.Percentile(sorted, tail),
            ResampleCounts.Percentile(sorted, 1 - tail),
            level,
            sorted.Length);
    }
}
