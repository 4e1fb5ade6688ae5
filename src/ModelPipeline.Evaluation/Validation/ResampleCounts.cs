namespace ModelPipeline.Evaluation;

/// <summary>A bootstrap resample as per-row counts: n rows drawn with replacement from a seeded generator.</summary>
internal static class ResampleCounts
{
    public static void Draw(Random random, Span<int> counts)
    {
        counts.Clear();
        for (var i = 0; i < counts.Length; i++)
        {
            counts[random.Next(counts.Length)]++;
        }
    }

    /// <summary>numpy's default (linear) percentile of sorted values, <paramref name="q"/> in [0, 1].</summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
