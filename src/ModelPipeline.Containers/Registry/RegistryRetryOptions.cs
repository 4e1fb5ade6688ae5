namespace ModelPipeline.Containers.Registry;

/// <summary>How pushes retry transient failures (5xx, timeouts, connection refused): attempts in total, first backoff delay (doubling), per-attempt timeout.</summary>
public sealed record RegistryRetryOptions(int MaxAttempts = 3, double BaseDelaySeconds = 0.5, double AttemptTimeoutSeconds = 120)
{
    public static RegistryRetryOptions Default { get; } = new();
}
