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
    public static ConfidenceInterval Interval(ModelEvaluation evaluation, string metric, int resamples = DefaultResamples, double level = DefaultLevel, int seed = 0) =>
        Intervals(evaluation, [metric], resamples, level, seed)[metric];

    /// <summary>
    /// Intervals of several metrics (all of the evaluation's by default) from one set of resamples: each equals
    /// <see cref="Interval(ModelEvaluation, string, int, double, int)"/> with the same seed, at a fraction of the cost.
    /// </summary>
    public static IReadOnlyDictionary<string, ConfidenceInterval> Intervals(ModelEvaluation evaluation, IEnumerable<string>? metrics = null, int resamples = DefaultResamples, double level = DefaultLevel, int seed = 0)
    {
        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "Resamples must be at least 1.");
        }

        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The confidence level must be between 0 and 1.");
        }

        var rows = (metrics ?? evaluation.Metrics.Values.Keys).Distinct(StringComparer.Ordinal).Select(m => new RowMetric(evaluation, m)).ToArray();
        var values = rows.Select(_ => new List<double>(resamples)).ToArray();
        var random = new Random(seed);
        var counts = new int[evaluation.RowCount];
        for (var r = 0; r < resamples; r++)
        {
            ResampleCounts.Draw(random, counts);
            for (var m = 0; m < rows.Length; m++)
            {
                var value = rows[m].Value(counts);
                if (!double.IsNaN(value))
                {
                    values[m].Add(value);
                }
            }
        }

        var tail = (1 - level) / 2;
        var intervals = new Dictionary<string, ConfidenceInterval>(StringComparer.Ordinal);
        for (var m = 0; m < rows.Length; m++)
        {
            var sorted = values[m].ToArray();
            Array.Sort(sorted);
            var metric = rows[m].Metric;
            intervals[metric] = new ConfidenceInterval(
                metric,
                evaluation.Metrics[metric],
                ResampleCounts.Percentile(sorted, tail),
                ResampleCounts.Percentile(sorted, 1 - tail),
                level,
                sorted.Length);
        }

        return intervals;
    }
}
