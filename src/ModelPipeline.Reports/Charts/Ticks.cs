namespace ModelPipeline.Reports;

/// <summary>"Nice" axis ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering a data range.</summary>
internal sealed record Ticks(double Min, double Max, double Step, IReadOnlyList<double> Values)
{
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

    private static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var power = Math.Pow(10, exponent);
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
