namespace ModelPipeline.Definitions;

/// <summary>Production monitoring: drift and decay rules.</summary>
/// <param name="DriftShare">Dataset drift is declared when at least this share of features drift.</param>
/// <param name="Features">Per-feature overrides by column name.</param>
public sealed record MonitorSection(
    double DriftShare,
    IReadOnlyDictionary<string, FeatureDriftRule> Features,
    DecayRule? Decay,
    bool RetrainOnDrift);
