namespace ModelPipeline.Containers.Engine;

/// <summary>Finds and connects to a Docker engine without throwing: callers decide what "no engine" means for them.</summary>
public static class DockerEngine
{
    /// <summary>
    /// Connects to <paramref name="endpoint"/> (default <see cref="DockerEndpoint.Resolve"/>) and asks its version. On
    /// failure the result carries a one-line reason such as "no Docker engine reachable at /tmp/modelpipeline/docker.sock
    /// (run scripts/start-services.sh as root)".
    /// </summary>
    public static async Task<EngineConnection> TryConnectAsync(string? endpoint = null, CancellationToken cancellationToken = default)
    {
        string resolved;
        try
        {
            resolved = endpoint ?? DockerEndpoint.Resolve();
        }
        catch (ContainerEngineException e)
        {
            return new EngineConnection(null, Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "", null, e.Message);
        }

        var client = new DockerEngineClient(resolved);
        var problem = await client.ProbeAsync(cancellationToken);
        if (problem is not null)
        {
            client.Dispose();
            return new EngineConnection(null, resolved, null, problem);
        }

        try
        {
            var version = await client.VersionAsync(cancellationToken);
            return new EngineConnection(client, resolved, version.Version, null);
        }
        catch (ContainerEngineException e)
        {
            client.Dispose();
            return new EngineConnection(null, resolved, null, e.Message);
        }
    }
}
