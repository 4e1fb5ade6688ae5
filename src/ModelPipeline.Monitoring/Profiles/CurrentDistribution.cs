namespace ModelPipeline.Monitoring;

/// <summary>Current data counted on the reference's bins.</summary>
internal sealed record CurrentDistribution(long[] Counts, double[] Shares, long Count, double MissingRate)
{
    /// <summary>The present values, sorted, when a Kolmogorov–Smirnov test needs them.</summary>
    public double[]? SortedValues { get; init; }

    public long Present => Counts.Sum();

    public static CurrentDistribution FromCounts(long[] counts, long missing)
    {
        var present = counts.Sum();
        var shares = counts.Select(c => present == 0 ? 0 : c / (double)present).ToArray();
        var total = present + missing;
        return new CurrentDistribution(counts, shares, total, total == 0 ? 0 : missing / (double)total);
    }
}
