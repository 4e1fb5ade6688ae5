namespace ModelPipeline.Monitoring;

/// <summary>
/// When drift counts (the pipeline YAML's <c>monitor</c> section). Defaults follow Evidently: a reference of at most
/// 1,000 rows uses Kolmogorov–Smirnov (numeric) / chi² (categorical) p-values below 0.05; a larger one uses PSI ≥ 0.1
/// (numeric) / Jensen–Shannon distance ≥ 0.1 (categorical and numeric columns with ≤ 5 values).
/// </summary>
public sealed record DriftRules
{
    /// <summary>Dataset drift when at least this share of features drifted.</summary>
    public double DriftShare { get; init; } = 0.5;

    /// <summary>Overrides by feature name.</summary>
    public IReadOnlyDictionary<string, FeatureRule> Features { get; init; } = new Dictionary<string, FeatureRule>();

    /// <summary>Metric watched for decay (e.g. "auc"); null: no decay check.</summary>
    public string? DecayMetric { get; init; }

    /// <summary>Largest allowed worsening of <see cref="DecayMetric"/> from the reference (absolute).</summary>
    public double MaxDrop { get; init; } = 0.02;

    /// <summary>Bootstrap resamples for the current metric's confidence interval.</summary>
    public int BootstrapResamples { get; init; } = 200;

    /// <summary>Rows the bootstrap resamples at most; larger batches use an evenly spread subset, the interval scaled to their size.</summary>
    public int BootstrapRowLimit { get; init; } = 20_000;

    /// <summary>Label drift also needs some class rate to move by at least this much (absolute): tiny shifts in big batches are significant but harmless.</summary>
    public double MinLabelRateChange { get; init; } = 0.01;

    /// <summary>Most anomalous rows to list.</summary>
    public int TopAnomalies { get; init; } = 10;

    /// <summary>Current rows scored by the isolation forest at most (an evenly spread subset of larger batches), as many
    /// as the reference's threshold and rate come from: a 1% rate is then known to ±0.06% (95%).</summary>
    public int AnomalyRowLimit { get; init; } = 100_000;

    public static double DefaultThreshold(DriftTest test) => test is DriftTest.Ks or DriftTest.Chi2 ? 0.05 : 0.1;

    /// <summary>The test and threshold for a column with this reference profile.</summary>
    public FeatureRule RuleFor(DistributionProfile reference)
    {
        if (Features.TryGetValue(reference.Name, out var rule))
        {
            return rule with { Threshold = rule.Threshold ?? DefaultThreshold(rule.Test) };
        }

        var small = reference.Count <= Distributions.SmallReference;
        var categorical = !reference.IsNumeric || reference.Discrete;
        var test = (small, categorical) switch
        {
            (true, true) => DriftTest.Chi2,
            (true, false) => DriftTest.Ks,
            (false, true) => DriftTest.JensenShannon,
            _ => DriftTest.Psi,
        };
        return new FeatureRule(test, DefaultThreshold(test));
    }
}
