namespace ModelPipeline.Reports;

/// <summary>A metric on reference data vs on current data.</summary>
/// <param name="Metric">Metric name, e.g. "auc".</param>
/// <param name="Reference">Value on reference (holdout) data.</param>
/// <param name="Current">Value on current data.</param>
/// <param name="CurrentInterval">Confidence interval of the current value, when known.</param>
public sealed record PerformanceRow(string Metric, double Reference, double Current, Interval? CurrentInterval = null);
