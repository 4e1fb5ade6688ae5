namespace ModelPipeline.Containers.Engine;

/// <summary>Where the Docker engine's API socket is: DOCKER_HOST, else the project's own socket, else the system one.</summary>
public static class DockerEndpoint
{
    public const string ProjectSocket = "/tmp/modelpipeline/docker.sock";
    public const string SystemSocket = "/var/run/docker.sock";

    /// <summary>The unix socket path to use; the first that exists, or the project socket when none does.</summary>
    public static string Resolve(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var host = environment is null ? Environment.GetEnvironmentVariable("DOCKER_HOST") : environment.GetValueOrDefault("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(host))
        {
            if (!host.StartsWith("unix://", StringComparison.Ordinal))
            {
                throw new ContainerEngineException($"DOCKER_HOST '{host}' is not supported: only unix:// sockets are.");
            }

            return host["unix://".Length..];
        }

        return File.Exists(ProjectSocket) ? ProjectSocket : File.Exists(SystemSocket) ? SystemSocket : ProjectSocket;
    }
}
