namespace ModelPipeline.Containers.Engine;

/// <summary>
/// Where the Docker engine's API is: DOCKER_HOST (unix:///path or tcp://host:port, plain HTTP), else the project's own
/// socket (/tmp/modelpipeline/docker.sock, started by scripts/start-services.sh), else /var/run/docker.sock.
/// </summary>
public static class DockerEndpoint
{
    public const string ProjectSocket = "/tmp/modelpipeline/docker.sock";
    public const string SystemSocket = "/var/run/docker.sock";

    /// <summary>A unix socket path, or "tcp://host:port"; the first socket that exists, or the project socket when none does.</summary>
    public static string Resolve(IReadOnlyDictionary<string, string?>? environment = null)
    {
        var host = environment is null ? Environment.GetEnvironmentVariable("DOCKER_HOST") : environment.GetValueOrDefault("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(host))
        {
            if (host.StartsWith("tcp://", StringComparison.Ordinal))
            {
                return host.TrimEnd('/');
            }

            if (!host.StartsWith("unix://", StringComparison.Ordinal))
            {
                throw new ContainerEngineException($"DOCKER_HOST '{host}' is not supported: use unix:///path/to/docker.sock or tcp://host:port.");
            }

            return host["unix://".Length..];
        }

        return File.Exists(ProjectSocket) ? ProjectSocket : File.Exists(SystemSocket) ? SystemSocket : ProjectSocket;
    }
}
