namespace ModelPipeline.Monitoring;

/// <summary>Drift of one column: the test, its value and threshold, and both distributions on the reference's bins.</summary>
/// <param name="Statistic">The p-value (KS, chi²: drift when below the threshold) or distance (others: drift at or above it).</param>
public sealed record ColumnDrift(
    string Name,
    bool Numeric,
    DriftTest Test,
    double Statistic,
    double Threshold,
    bool Drifted,
    IReadOnlyList<string> Bins,
    IReadOnlyList<double> ReferenceShares,
    IReadOnlyList<double> CurrentShares,
    double ReferenceMissingRate,
    double CurrentMissingRate)
{
    public bool StatisticIsPValue => Test is DriftTest.Ks or DriftTest.Chi2;

    public string MethodName => Test switch
    {
        DriftTest.Ks => "Kolmogorov-Smirnov p-value",
        DriftTest.Chi2 => "chi² p-value",
        DriftTest.Psi => "PSI",
        DriftTest.Wasserstein => "Wasserstein (normed)",
        _ => "Jensen-Shannon distance",
    };

    /// <summary>Compares current data, measured on the reference's bins, with the reference.</summary>
    internal static ColumnDrift Measure(DistributionProfile reference, CurrentDistribution current, FeatureRule rule)
    {
        var threshold = rule.Threshold ?? DriftRules.DefaultThreshold(rule.Test);
        var statistic = rule.Test switch
        {
            DriftTest.Ks when reference.IsNumeric => DriftStatistics.KsPValue(reference.Sample ?? Expand(reference), current.SortedValues ?? []),
            DriftTest.Ks or DriftTest.Chi2 => DriftStatistics.ChiSquaredPValue(reference.Shares, current.Counts),
            DriftTest.Psi => DriftStatistics.Psi(reference.Shares, current.Shares),
            DriftTest.Wasserstein when reference.IsNumeric => DriftStatistics.WassersteinNormed(reference, current.Shares),
            _ => DriftStatistics.JensenShannon(reference.Shares, current.Shares),
        };
        var pValue = rule.Test is DriftTest.Ks or DriftTest.Chi2;
        var drifted = current.Present > 0 && (pValue ? statistic < threshold : statistic >= threshold);
        return new ColumnDrift(
            reference.Name,
            reference.IsNumeric,
            rule.Test,
            statistic,
            threshold,
            drifted,
            reference.BinLabels(),
            reference.Shares,
            current.Shares,
            reference.MissingRate,
            current.MissingRate);
    }

    /// <summary>A large reference keeps no raw sample: KS then compares with 1,000 points spread by the bin shares.</summary>
    private static double[] Expand(DistributionProfile reference)
    {
        var points = new List<double>();
        for (var k = 0; k < reference.Shares.Length; k++)
        {
            var low = k == 0 ? reference.Min : reference.Edges[k - 1];
            var high = k == reference.Edges.Length ? reference.Max : reference.Edges[k];
            var n = (int)Math.Round(reference.Shares[k] * 1000);
            for (var i = 0; i < n; i++)
            {
                points.Add(low + ((high - low) * (i + 0.5) / n));
            }
        }

        points.Sort();
        return [.. points];
    }
}
