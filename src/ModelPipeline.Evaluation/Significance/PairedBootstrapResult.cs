namespace ModelPipeline.Evaluation;

/// <summary>
/// Paired bootstrap of a metric's gain of A over B (in the metric's better direction) on shared rows:
/// the gain on all rows, its percentile interval, and a two-sided p-value (twice the smaller tail beyond 0).
/// </summary>
public sealed record PairedBootstrapResult(string Metric, double Improvement, double Lower, double Upper, double Level, double PValue, int Resamples);
