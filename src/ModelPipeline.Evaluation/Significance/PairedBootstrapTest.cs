namespace ModelPipeline.Evaluation;

/// <summary>Seeded paired bootstrap: both models are rescored on the same resampled rows each time.</summary>
public static class PairedBootstrapTest
{
    /// <summary>Tests whether <paramref name="a"/> beats <paramref name="b"/> on <paramref name="metric"/>; both scored on the same rows.</summary>
    public static PairedBootstrapResult Compare(ModelEvaluation a, ModelEvaluation b, string metric, int resamples = Bootstrap.DefaultResamples, double level = Bootstrap.DefaultLevel, int seed = 0)
    {
        SameRows.Require(a, b);
        var metricA = new RowMetric(a, metric);
        var metricB = new RowMetric(b, metric);
        var random = new Random(seed);
        var counts = new int[a.RowCount];
        var gains = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            ResampleCounts.Draw(random, counts);
            var gain = MetricNames.Improvement(metric, metricA.Value(counts), metricB.Value(counts));
            if (!double.IsNaN(gain))
            {
                gains.Add(gain);
            }
        }

        var sorted = gains.ToArray();
        Array.Sort(sorted);
        var atOrBelow = sorted.Count(g => g <= 0);
        var atOrAbove = sorted.Count(g => g >= 0);
        var p = sorted.Length == 0 ? 1 : Math.Min(1, 2.0 * Math.Min(atOrBelow, atOrAbove) / sorted.Length);
        var tail = (1 - level) / 2;
        return new PairedBootstrapResult(
            metric,
            MetricNames.Improvement(metric, a.Metrics[metric], b.Metrics[metric]),
            ResampleCounts.Percentile(sorted, tail),
            ResampleCounts.Percentile(sorted, 1 - tail),
            level,
            p,
            sorted.Length);
    }
}
