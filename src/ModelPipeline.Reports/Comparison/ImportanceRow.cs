namespace ModelPipeline.Reports;

/// <summary>How much one model relies on one input, on the holdout.</summary>
/// <param name="Input">The input column.</param>
/// <param name="Loss">Mean loss of the primary metric when the input is shuffled (permutation importance); larger = relied on more.</param>
/// <param name="Spread">Standard deviation of that loss over the repeats.</param>
/// <param name="MeanAbsoluteContribution">Mean |exact attribution| (SHAP) in raw-output units; null when the model kind gives none.</param>
public sealed record ImportanceRow(string Input, double Loss, double Spread, double? MeanAbsoluteContribution);
