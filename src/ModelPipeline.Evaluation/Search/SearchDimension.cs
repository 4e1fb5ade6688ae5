using System.Globalization;

namespace ModelPipeline.Evaluation;

/// <summary>
/// The values one trainer parameter may take in a search: a list (<see cref="OneOf(string, string[])"/>), a
/// uniform or log-uniform range, or an inclusive integer range. Values reach the trainer as invariant text.
/// </summary>
public sealed record SearchDimension
{
    private SearchDimension(string parameter, SearchDimensionKind kind, IReadOnlyList<string> choices, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(parameter))
        {
            throw new SearchException("A search dimension needs a parameter name.");
        }

        if (kind == SearchDimensionKind.Choice && choices.Count == 0)
        {
            throw new SearchException($"Search dimension '{parameter}' lists no values.");
        }

        if (kind != SearchDimensionKind.Choice && !(min <= max))
        {
            throw new SearchException($"Search dimension '{parameter}' has min {min} above max {max}.");
        }

        if (kind == SearchDimensionKind.LogUniform && min <= 0)
        {
            throw new SearchException($"Search dimension '{parameter}' is log-uniform, so min must be above 0; got {min}.");
        }

        Parameter = parameter;
        Kind = kind;
        Choices = choices;
        Min = min;
        Max = max;
    }

    public string Parameter { get; }

    public SearchDimensionKind Kind { get; }

    /// <summary>The listed values (Choice only).</summary>
    public IReadOnlyList<string> Choices { get; }

    public double Min { get; }

    public double Max { get; }

    public static SearchDimension OneOf(string parameter, params string[] values) => new(parameter, SearchDimensionKind.Choice, values, 0, 0);

    public static SearchDimension OneOf(string parameter, params double[] values) =>
        new(parameter, SearchDimensionKind.Choice, [.. values.Select(Text)], 0, 0);

    public static SearchDimension Uniform(string parameter, double min, double max) => new(parameter, SearchDimensionKind.Uniform, [], min, max);

    /// <summary>Uniform in log space: right for scales such as l2 or learning_rate.</summary>
    public static SearchDimension LogUniform(string parameter, double min, double max) => new(parameter, SearchDimensionKind.LogUniform, [], min, max);

    /// <summary>Whole numbers from <paramref name="min"/> to <paramref name="max"/> inclusive.</summary>
    public static SearchDimension Integers(string parameter, int min, int max) => new(parameter, SearchDimensionKind.Integer, [], min, max);

    /// <summary>Every value a grid visits.</summary>
    /// <exception cref="SearchException">A continuous range cannot be enumerated.</exception>
    public IReadOnlyList<string> GridValues() => Kind switch
    {
        SearchDimensionKind.Choice => Choices,
        SearchDimensionKind.Integer => [.. Enumerable.Range((int)Min, (int)(Max - Min) + 1).Select(i => i.ToString(CultureInfo.InvariantCulture))],
        _ => throw new SearchException($"Grid search needs a list of values for '{Parameter}', not a {Kind.ToString().ToLowerInvariant()} range; use random search or list the values."),
    };

    internal string Sample(Random random) => Kind switch
    {
        SearchDimensionKind.Choice => Choices[random.Next(Choices.Count)],
        SearchDimensionKind.Integer => ((int)Min + random.Next((int)(Max - Min) + 1)).ToString(CultureInfo.InvariantCulture),
        SearchDimensionKind.Uniform => Text(Min + (random.NextDouble() * (Max - Min))),
        _ => Text(Math.Exp(Math.Log(Min) + (random.NextDouble() * (Math.Log(Max) - Math.Log(Min))))),
    };

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
