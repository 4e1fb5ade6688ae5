namespace ModelPipeline.Definitions;

/// <summary>Require the challenger's improvement to be significant at <see cref="Level"/>.</summary>
/// <param name="Resamples">Bootstrap resamples (bootstrap only).</param>
public sealed record SignificanceSection(SignificanceTest Test, double Level, int Resamples);
