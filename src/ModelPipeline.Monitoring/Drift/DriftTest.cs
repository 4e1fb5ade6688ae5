namespace ModelPipeline.Monitoring;

/// <summary>How one distribution is compared with its reference.</summary>
public enum DriftTest
{
    /// <summary>Two-sample Kolmogorov–Smirnov p-value (asymptotic); drift when below the threshold (0.05).</summary>
    Ks,

    /// <summary>Chi-squared goodness-of-fit p-value of the current counts against the reference shares; drift below 0.05.</summary>
    Chi2,

    /// <summary>Population stability index over the reference bins; drift at or above 0.1.</summary>
    Psi,

    /// <summary>Wasserstein-1 distance over the reference bins divided by the reference standard deviation; drift at or above 0.1.</summary>
    Wasserstein,

    /// <summary>Jensen–Shannon distance (natural log, as scipy) over the reference bins; drift at or above 0.1.</summary>
    JensenShannon,
}
