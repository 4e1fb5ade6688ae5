namespace ModelPipeline.Evaluation;

/// <summary>
/// McNemar's test on the rows where two classifiers disagree about being right: <see cref="OnlyACorrect"/> and
/// <see cref="OnlyBCorrect"/> rows, chi-square with continuity correction, one degree of freedom.
/// </summary>
public sealed record McNemarResult(int OnlyACorrect, int OnlyBCorrect, double ChiSquare, double PValue);
