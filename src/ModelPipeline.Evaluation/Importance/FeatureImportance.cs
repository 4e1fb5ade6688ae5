namespace ModelPipeline.Evaluation;

/// <summary>
/// How much a model relies on one input, measured on holdout rows.
/// </summary>
/// <param name="Input">The input column.</param>
/// <param name="Permutation">Mean loss of the primary metric when the input's values are shuffled among the rows (positive = the model needs it), over the repeats.</param>
/// <param name="PermutationSpread">Standard deviation of that loss over the repeats.</param>
/// <param name="MeanAbsoluteContribution">Mean |exact attribution| over the rows and outputs (built-in models); null for kinds that cannot explain.</param>
public sealed record FeatureImportance(string Input, double Permutation, double PermutationSpread, double? MeanAbsoluteContribution);
