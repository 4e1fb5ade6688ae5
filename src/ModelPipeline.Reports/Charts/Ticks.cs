namespace ModelPipeline.Reports;

/// <summary>"Nice" axis ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering a data range.</summary>
internal sealed record Ticks(double Min, double Max, double Step, IReadOnlyList<double> Values)
{
    /// <summary>The smallest axis span of <see cref="Spanning"/>, as a share of the largest magnitude.</summary>
    public const double MinimumSpanShare = 0.05;

    /// <summary>Ticks from a nice value at or below <paramref name="min"/> to one at or above <paramref name="max"/>.</summary>
    public static Ticks Cover(double min, double max, int targetCount = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            min = 0;
            max = 1;
        }

        if (max < min)
        {
            (min, max) = (max, min);
        }

        if (max - min < 1e-12)
        {
            var pad = Math.Abs(min) > 1e-12 ? Math.Abs(min) * 0.05 : 0.5;
            min -= pad;
            max += pad;
        }

        var step = NiceStep((max - min) / Math.Max(1, targetCount));
        var first = Math.Floor((min / step) + 1e-9) * step;
        var last = Math.Ceiling((max / step) - 1e-9) * step;
        var values = new List<double>();
        for (var v = first; v <= last + (step / 2); v += step)
        {
            values.Add(Math.Round(v / step) * step);
        }

        return new Ticks(first, last, step, values);
    }

    /// <summary>
    /// Ticks for values compared by height (a metric across versions): the axis spans at least 5% of the largest
    /// magnitude, so a difference of 0.000005 in an AUC of 0.84 stays a flat line instead of filling the chart.
    /// </summary>
    public static Ticks Spanning(double min, double max, int targetCount = 5)
    {
        if (double.IsFinite(min) && double.IsFinite(max))
        {
            var least = Math.Max(Math.Abs(min), Math.Abs(max)) * MinimumSpanShare;
            least = least > 0 ? least : 1;
            if (max - min < least)
            {
                var middle = (min + max) / 2;
                (min, max) = (middle - (least / 2), middle + (least / 2));
            }
        }

        return Cover(min, max, targetCount);
    }

    private static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
