namespace ModelPipeline.Registry;

/// <summary>Settings for <see cref="ModelRegistry.Open"/>.</summary>
public sealed record RegistryOptions
{
    /// <summary>The clock for creation and alias-move times.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long to wait for another process holding the pipeline lock.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
