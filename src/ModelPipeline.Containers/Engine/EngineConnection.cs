namespace ModelPipeline.Containers.Engine;

/// <summary>The outcome of <see cref="DockerEngine.TryConnectAsync"/>: a client and the engine's version, or why there is none.</summary>
public sealed record EngineConnection(DockerEngineClient? Client, string Endpoint, string? EngineVersion, string? Reason)
{
    public bool IsConnected => Client is not null;
}
