namespace ModelPipeline.Reports;

/// <summary>One promotion gate check: its name, whether it passed, and a one-line explanation.</summary>
/// <param name="Name">E.g. "AUC improves by ≥ 0.005".</param>
/// <param name="Passed">True when the check passed.</param>
/// <param name="Detail">E.g. "0.8712 vs 0.8650 (+0.0062)".</param>
public sealed record GateCheckRow(string Name, bool Passed, string Detail);
