namespace ModelPipeline.Build;

/// <summary>
/// One of our trainers (or an ML.NET trainer, <c>mlnet:</c>) on one data set, the peers' figures on the same rows, the
/// load average (1/5/15 min) around them, and this process's peak resident memory during the fit and prediction (MiB).
/// </summary>
internal sealed record BenchmarkRow(string Data, int TrainRows, string Trainer, double Metric, double FitSeconds,
    double PredictRowsPerSecond, double LoadSeconds, IReadOnlyList<PeerResult> Peers, string LoadBefore, string LoadAfter, double? PeakMiB = null);
