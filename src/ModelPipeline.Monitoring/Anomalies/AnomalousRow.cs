namespace ModelPipeline.Monitoring;

/// <summary>One current row with a high anomaly score.</summary>
/// <param name="Row">0-based row index in the current data.</param>
public sealed record AnomalousRow(int Row, double Score, IReadOnlyList<KeyValuePair<string, string>> Values);
