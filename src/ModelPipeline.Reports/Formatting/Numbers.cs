using System.Globalization;

namespace ModelPipeline.Reports;

/// <summary>Culture-invariant number text for reports: the same report on every machine.</summary>
internal static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A metric value: 4 decimals below 10, 2 below 1000, none above; "n/a" for NaN.</summary>
    public static string Metric(double value)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        var magnitude = Math.Abs(value);
        var format = magnitude < 10 ? "0.0000" : magnitude < 1000 ? "0.00" : "0";
        return value.ToString(format, Invariant);
    }

    /// <summary>
    /// A signed difference: "+0.0123", "-1.50", "±0.0000" for zero, with the decimals of the values it compares
    /// (<paramref name="scale"/> is the larger of their magnitudes; the delta's own when omitted).
    /// </summary>
    public static string Delta(double delta, double scale = double.NaN)
    {
        if (double.IsNaN(delta))
        {
            return "n/a";
        }

        var magnitude = double.IsFinite(scale) ? Math.Max(Math.Abs(scale), Math.Abs(delta)) : Math.Abs(delta);
        var format = magnitude < 10 ? "0.0000" : magnitude < 1000 ? "0.00" : "0";
        var text = Math.Abs(delta).ToString(format, Invariant);
        return text.Trim('0', '.').Length == 0 ? "±" + text : (delta > 0 ? "+" : "-") + text;
    }

    /// <summary>A share 0..1 as a percentage with at most one decimal: "12.5%".</summary>
    public static string Percent(double share) =>
        double.IsNaN(share) ? "n/a" : (share * 100).ToString("0.#", Invariant) + "%";

    /// <summary>An SVG coordinate with at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", Invariant);

    /// <summary>A tick label with as many decimals as the tick step needs.</summary>
    public static string Tick(double value, double step)
    {
        var decimals = 0;
        while (decimals < 6 && step > 0 && Math.Abs((step * Math.Pow(10, decimals)) - Math.Round(step * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        if (Math.Abs(value) < step / 1e6)
        {
            value = 0;
        }

        return value.ToString("F" + decimals.ToString(Invariant), Invariant);
    }

    /// <summary>A number as data (e.g. in a mermaid series): up to 6 decimals, no grouping, no exponent.</summary>
    public static string Plain(double value) => value.ToString("0.######", Invariant);

    /// <summary>An integer count with thousands separators: "100,000".</summary>
    public static string Count(long count) => count.ToString("#,0", Invariant);
}
