namespace ModelPipeline.Build;

/// <summary>One peer's figures on one data set, as build/Stages/Benchmarks/peers.py prints them.</summary>
internal sealed record PeerResult(string Library, string Model, double FitSeconds, double Metric, double PredictRowsPerSecond,
    double PeakMib, int? Iterations);
