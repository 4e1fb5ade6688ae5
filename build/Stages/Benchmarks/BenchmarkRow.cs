namespace ModelPipeline.Build;

/// <summary>One measured trainer on one data set.</summary>
internal sealed record BenchmarkRow(string Data, int TrainRows, PeerFigure Peer, double Metric, double FitSeconds,
    double PredictRowsPerSecond, double LoadSeconds);
