namespace ModelPipeline.Monitoring;

/// <summary>Share of current rows above the reference's anomaly threshold, against the reference holdout's share.</summary>
/// <param name="ScoredRows">Rows scored (at most <see cref="DriftRules.AnomalyRowLimit"/>, evenly spread).</param>
public sealed record AnomalySummary(double Rate, double ReferenceRate, double Threshold, int ScoredRows, IReadOnlyList<AnomalousRow> Top)
{
    /// <summary>Anomalies are raised when the rate is at least three times the reference rate and above 1%.</summary>
    public bool Raised => Rate >= Math.Max(3 * ReferenceRate, 0.01) && ScoredRows >= 100;
}
