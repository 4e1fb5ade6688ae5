namespace ModelPipeline.Monitoring;

/// <summary>When the generated Prometheus alerts fire.</summary>
public sealed record AlertThresholds
{
    /// <summary>Share of /invocations answered 5xx over 5 minutes.</summary>
    public double ErrorRate { get; init; } = 0.05;

    /// <summary>p99 of /invocations latency in seconds over 5 minutes.</summary>
    public double P99LatencySeconds { get; init; } = 0.5;

    /// <summary>Anomaly alert when the current rate is at least this multiple of the reference rate.</summary>
    public double AnomalyFactor { get; init; } = 3;
}
