namespace ModelPipeline.Definitions;

/// <summary>The train/holdout split: holdout share, seed, and whether classes keep their shares.</summary>
public sealed record SplitSection(double Holdout, int Seed, bool Stratify);
