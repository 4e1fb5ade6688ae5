using System.Globalization;

namespace ModelPipeline.Training.Options;

/// <summary>One trainer parameter: its name, default, and how its text is checked and written canonically.</summary>
internal sealed record ParameterDefinition(string Name, string Default, string Expectation, Func<string, string?> Canonicalize)
{
    public static ParameterDefinition Number(string name, double @default, double min, bool minInclusive, double max = double.PositiveInfinity, bool maxInclusive = true)
    {
        var expectation = DescribeRange("a number", min, minInclusive, max, maxInclusive);
        return new(name, Format(@default), expectation, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && (minInclusive ? value >= min : value > min) && (maxInclusive ? value <= max : value < max)
                ? Format(value)
                : null);
    }

    public static ParameterDefinition Integer(string name, int @default, int min, int max = int.MaxValue) =>
        new(name, @default.ToString(CultureInfo.InvariantCulture), DescribeRange("a whole number", min, true, max, true), text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value.ToString(CultureInfo.InvariantCulture)
                : null);

    /// <summary>A whole number or "none" (no limit).</summary>
    public static ParameterDefinition OptionalInteger(string name, int? @default, int min, int max = int.MaxValue) =>
        new(name, @default?.ToString(CultureInfo.InvariantCulture) ?? "none", DescribeRange("'none' or a whole number", min, true, max, true), text =>
            string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase) || string.Equals(text.Trim(), "null", StringComparison.OrdinalIgnoreCase)
                ? "none"
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                    ? value.ToString(CultureInfo.InvariantCulture)
                    : null);

    public static ParameterDefinition Choice(string name, string @default, params string[] choices) =>
        new(name, @default, "one of " + string.Join(", ", choices), text =>
            choices.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase)));

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string DescribeRange(string what, double min, bool minInclusive, double max, bool maxInclusive)
    {
        var low = $"{(minInclusive ? ">=" : ">")} {Format(min)}";
        return double.IsPositiveInfinity(max) || max >= int.MaxValue
            ? $"{what} {low}"
            : $"{what} {low} and {(maxInclusive ? "<=" : "<")} {Format(max)}";
    }
}
