namespace ModelPipeline.Build;

/// <summary>One of our trainers on one data set, the peers' figures on the same rows, and the load average (1/5/15 min) around them.</summary>
internal sealed record BenchmarkRow(string Data, int TrainRows, string Trainer, double Metric, double FitSeconds,
    double PredictRowsPerSecond, double LoadSeconds, IReadOnlyList<PeerResult> Peers, string LoadBefore, string LoadAfter);
