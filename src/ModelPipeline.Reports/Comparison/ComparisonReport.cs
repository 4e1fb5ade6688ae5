namespace ModelPipeline.Reports;

/// <summary>
/// Everything a comparison report shows: the decision, the gate checks, both models' evaluation and the
/// primary metric across versions. Plain values only, so the report knows nothing of how they were computed.
/// </summary>
/// <param name="Pipeline">Pipeline name, e.g. "churn".</param>
/// <param name="Verdict">One line stating the decision, e.g. "Challenger 1.3.0 promoted: AUC +0.012".</param>
/// <param name="Promoted">True when the challenger became champion (green badge), false otherwise (red badge).</param>
/// <param name="Task">"binary", "multiclass" or "regression" (shown as is).</param>
/// <param name="Challenger">The newly trained model.</param>
/// <param name="Champion">The current champion; null on the first run.</param>
/// <param name="Checks">Promotion gate checks, in evaluation order.</param>
/// <param name="History">The primary metric of every registered version, oldest first.</param>
/// <param name="PrimaryMetric">Key into <see cref="ModelSide.Metrics"/> that the gate decides on.</param>
/// <param name="Created">When the comparison ran.</param>
public sealed record ComparisonReport(
    string Pipeline,
    string Verdict,
    bool Promoted,
    string Task,
    ModelSide Challenger,
    ModelSide? Champion,
    IReadOnlyList<GateCheckRow> Checks,
    IReadOnlyList<VersionPoint> History,
    string PrimaryMetric,
    DateTimeOffset Created)
{
    /// <summary>
    /// Metrics where a smaller value is better (colours deltas and orders bars). Defaults to the usual error
    /// metrics: rmse, mse, mae, mape, log_loss, brier.
    /// </summary>
    public IReadOnlySet<string> LowerIsBetter { get; init; } = MetricDirection.DefaultLowerIsBetter;

    /// <summary>Lineage facts shown under the header, e.g. "Data fingerprint" → "sha256:…", "Commit" → "abc123".</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; init; } = [];

    /// <summary>The automatic model search that chose the challenger (<c>trainer.type: auto</c>); null otherwise.</summary>
    public Leaderboard? Leaderboard { get; init; }
}
