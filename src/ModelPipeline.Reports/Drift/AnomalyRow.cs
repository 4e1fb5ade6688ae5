namespace ModelPipeline.Reports;

/// <summary>One anomalous current row.</summary>
/// <param name="Row">Row number in the current data (as the user should look it up, e.g. 1-based line).</param>
/// <param name="Score">Anomaly score (higher is more anomalous).</param>
/// <param name="Values">Column → value as text, for the columns worth showing (at most 8 are shown).</param>
public sealed record AnomalyRow(long Row, double Score, IReadOnlyList<KeyValuePair<string, string>> Values);
