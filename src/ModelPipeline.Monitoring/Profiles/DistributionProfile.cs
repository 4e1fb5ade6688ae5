namespace ModelPipeline.Monitoring;

/// <summary>
/// The reference distribution of one column (a feature, the prediction or the label). Numeric columns keep
/// quantile bin edges and the share of present values in each bin (bin k is [Edges[k-1], Edges[k])); categorical
/// columns keep the most frequent levels and their shares, the last share being "other" (rarer and unseen levels).
/// </summary>
public sealed record DistributionProfile
{
    public const string NumericKind = "numeric";
    public const string CategoricalKind = "categorical";
    public const string OtherLevel = "(other)";

    public required string Name { get; init; }

    /// <summary><see cref="NumericKind"/> or <see cref="CategoricalKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Rows, missing values included.</summary>
    public long Count { get; init; }

    public double MissingRate { get; init; }

    /// <summary>Numeric: inner bin edges, ascending and distinct.</summary>
    public double[] Edges { get; init; } = [];

    /// <summary>Categorical: the kept levels (the share after them is <see cref="OtherLevel"/>).</summary>
    public string[] Levels { get; init; } = [];

    /// <summary>Share of the present values per bin (numeric: Edges.Length + 1; categorical: Levels.Length + 1).</summary>
    public double[] Shares { get; init; } = [];

    public double Min { get; init; }

    public double Max { get; init; }

    public double Mean { get; init; }

    public double StdDev { get; init; }

    /// <summary>Numeric with at most 5 distinct values: compared like a categorical column.</summary>
    public bool Discrete { get; init; }

    /// <summary>All present values (sorted) when the reference is small, for the Kolmogorov–Smirnov test.</summary>
    public double[]? Sample { get; init; }

    public bool IsNumeric => Kind == NumericKind;

    /// <summary>Present (non-missing) values counted.</summary>
    public long Present => (long)Math.Round(Count * (1 - MissingRate));

    /// <summary>Bin labels as reports draw them: "[a, b)" ranges or level names.</summary>
    public IReadOnlyList<string> BinLabels()
    {
        if (!IsNumeric)
        {
            return [.. Levels, OtherLevel];
        }

        var labels = new string[Shares.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            var low = k == 0 ? "-inf" : Number(Edges[k - 1]);
            var high = k == Edges.Length ? "inf" : Number(Edges[k]);
            labels[k] = $"[{low}, {high})";
        }

        return labels;
    }

    private static string Number(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
