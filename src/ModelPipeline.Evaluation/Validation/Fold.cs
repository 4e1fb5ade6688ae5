namespace ModelPipeline.Evaluation;

/// <summary>One cross-validation fold: sorted row indices to train on and to test on.</summary>
public sealed record Fold(int Index, int[] Train, int[] Test);
