namespace ModelPipeline.Training.Features;

/// <summary>How one numeric input becomes one feature: fill missing with <see cref="Fill"/>, then (x - Center) / Scale.</summary>
internal readonly record struct NumericTransform(int Feature, double Fill, double Center, double Scale)
{
    public double Apply(double value) => ((double.IsNaN(value) ? Fill : value) - Center) / Scale;

    public static NumericTransform Fit(int feature, double[] values, FeatureOptions options)
    {
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        var fill = present.Length == 0 ? 0 : options.NumericImpute switch
        {
            "mean" => Mean(present),
            "median" => present.Length % 2 == 1 ? present[present.Length / 2] : 0.5 * (present[(present.Length / 2) - 1] + present[present.Length / 2]),
            "most_frequent" => MostFrequent(present),
            _ => 0,
        };
        var missing = values.Length - present.Length;
        var (center, scale) = options.Scale switch
        {
            "standard" => Standard(present, fill, missing),
            "minmax" => MinMax(present, fill, missing),
            _ => (0.0, 1.0),
        };
        return new NumericTransform(feature, fill, center, scale);
    }

    private static (double Center, double Scale) Standard(double[] present, double fill, int missing)
    {
        var n = present.Length + missing;
        if (n == 0)
        {
            return (0, 1);
        }

        var sum = missing * fill;
        foreach (var v in present)
        {
            sum += v;
        }

        var mean = sum / n;
        var squares = missing * (fill - mean) * (fill - mean);
        foreach (var v in present)
        {
            squares += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(squares / n);
        return (mean, sd > 1e-12 * Math.Max(1, Math.Abs(mean)) ? sd : 1);
    }

    private static (double Center, double Scale) MinMax(double[] present, double fill, int missing)
    {
        if (present.Length == 0)
        {
            return (0, 1);
        }

        var min = missing > 0 ? Math.Min(present[0], fill) : present[0];
        var max = missing > 0 ? Math.Max(present[^1], fill) : present[^1];
        return (min, max > min ? max - min : 1);
    }

    private static double Mean(double[] sorted)
    {
        var sum = 0.0;
        foreach (var v in sorted)
        {
            sum += v;
        }

        return sum / sorted.Length;
    }

    /// <summary>The most frequent value; the smallest one among ties (as scikit-learn's SimpleImputer).</summary>
    private static double MostFrequent(double[] sorted)
    {
        double best = sorted[0];
        var bestCount = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            if (j - i > bestCount)
            {
                best = sorted[i];
                bestCount = j - i;
            }

            i = j;
        }

        return best;
    }
}
