namespace ModelPipeline.Containers.Deploy;

/// <summary>
/// The new image did not go live; the old container (if any) still serves. <see cref="Exception.Message"/> is one line;
/// <see cref="ContainerLogs"/> holds the failed container's output when there was one.
/// </summary>
public sealed class DeploymentFailedException(string message, string? containerLogs = null, Exception? inner = null) : Exception(message, inner)
{
    public string? ContainerLogs { get; } = containerLogs;
}
