namespace ModelPipeline.Evaluation;

/// <summary>
/// Require the challenger's advantage on the primary metric to be significant: the two-sided p-value of
/// <see cref="Test"/> must be below <see cref="Alpha"/> (and the challenger must be the better one).
/// </summary>
public sealed record SignificanceRule(SignificanceTest Test, double Alpha = 0.05, int Resamples = 1000, int Seed = 0)
{
    /// <summary>Reads "bootstrap", "delong" or "mcnemar" (any case).</summary>
    /// <exception cref="GateRulesException">Any other text.</exception>
    public static SignificanceTest ParseTest(string name) => name.Trim().ToLowerInvariant() switch
    {
        "bootstrap" => SignificanceTest.Bootstrap,
        "delong" => SignificanceTest.DeLong,
        "mcnemar" => SignificanceTest.McNemar,
        _ => throw new GateRulesException($"Unknown significance test '{name}'; use bootstrap, delong or mcnemar."),
    };
}
