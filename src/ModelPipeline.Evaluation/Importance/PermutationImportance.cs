using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// Global feature importance on holdout rows, for any model kind: each input's values are shuffled among the rows
/// (seeded; the same permutations for every model, so a champion and a challenger are measured alike) and the loss
/// of the primary metric is averaged over the repeats (Breiman 2001; scikit-learn's permutation_importance). Built-in
/// models add the mean |exact attribution| (TreeSHAP / linear) over the same rows.
/// </summary>
public static class PermutationImportance
{
    /// <summary>At most this many holdout rows (a seeded sample, in holdout order) are used.</summary>
    public const int DefaultMaxRows = 5_000;

    public const int DefaultRepeats = 5;

    /// <summary>Every input of <paramref name="model"/>, most important first (ties by name).</summary>
    /// <exception cref="ModelSchemaException">The holdout lacks an input or the label.</exception>
    public static IReadOnlyList<FeatureImportance> Compute(IScoringModel model, Frame holdout, string metric, int seed,
        int repeats = DefaultRepeats, int maxRows = DefaultMaxRows, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        var rows = Sample(holdout.RowCount, maxRows, seed);
        var sample = rows.Length == holdout.RowCount ? holdout : holdout.Take(rows);
        var actual = model.ReadTargets(sample);
        var baseline = ModelEvaluator.Metric(model.Predict(sample, threads), actual, metric);
        var contributions = MeanAbsoluteContributions(model, sample, threads);
        var result = new List<FeatureImportance>();
        for (var i = 0; i < model.Schema.Inputs.Count; i++)
        {
            var input = model.Schema.Inputs[i].Name;
            var losses = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                // The permutation depends on the seed, the input's position and the repeat only: the same for every model.
                var order = Permutation(sample.RowCount, unchecked((seed * 1_000_003) + ((i + 1) * 7_919) + (r * 104_729)) & int.MaxValue);
                var shuffled = new Frame([.. sample.Columns.Select(c => c.Name == input ? c.Take(order) : c)]);
                var score = ModelEvaluator.Metric(model.Predict(shuffled, threads), actual, metric);
                losses[r] = MetricNames.Improvement(metric, baseline, score);
            }

            var mean = losses.Average();
            var spread = repeats > 1 ? Math.Sqrt(losses.Sum(l => (l - mean) * (l - mean)) / (repeats - 1)) : 0;
            result.Add(new FeatureImportance(input, mean, spread, contributions?[i]));
        }

        return [.. result.OrderByDescending(f => f.Permutation).ThenBy(f => f.Input, StringComparer.Ordinal)];
    }

    private static double[]? MeanAbsoluteContributions(IScoringModel model, Frame sample, int? threads)
    {
        Attributions attributions;
        try
        {
            attributions = model.Explain(sample, threads);
        }
        catch (ExplanationUnavailableException)
        {
            return null;
        }

        var means = new double[attributions.Inputs.Count];
        for (var row = 0; row < attributions.RowCount; row++)
        {
            for (var o = 0; o < attributions.Outputs.Count; o++)
            {
                var values = attributions.Row(row, o);
                for (var i = 0; i < values.Length; i++)
                {
                    means[i] += Math.Abs(values[i]);
                }
            }
        }

        var count = (double)attributions.RowCount * attributions.Outputs.Count;
        return [.. means.Select(m => m / count)];
    }

    /// <summary>All rows, or a seeded sample of <paramref name="maxRows"/> of them in ascending order.</summary>
    private static int[] Sample(int rowCount, int maxRows, int seed)
    {
        if (rowCount <= maxRows)
        {
            return [.. Enumerable.Range(0, rowCount)];
        }

        var picked = Permutation(rowCount, seed)[..maxRows];
        Array.Sort(picked);
        return picked;
    }

    /// <summary>A Fisher-Yates shuffle of 0..n-1 by <see cref="Random"/> with this seed (the same on every machine).</summary>
    private static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
