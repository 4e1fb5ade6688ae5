using ModelPipeline.Containers;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Tests;

public sealed class DockerEndpointTests
{
    [Fact]
    public void Resolve_UnixDockerHost_ReturnsTheSocketPath()
    {
        Assert.Equal("/run/user/1000/docker.sock", DockerEndpoint.Resolve(new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///run/user/1000/docker.sock" }));
    }

    [Fact]
    public void Resolve_TcpDockerHost_IsKept()
    {
        Assert.Equal("tcp://127.0.0.1:2375", DockerEndpoint.Resolve(new Dictionary<string, string?> { ["DOCKER_HOST"] = "tcp://127.0.0.1:2375/" }));
    }

    [Fact]
    public void Resolve_SshDockerHost_ThrowsClearMessage()
    {
        var error = Assert.Throws<ContainerEngineException>(() => DockerEndpoint.Resolve(new Dictionary<string, string?> { ["DOCKER_HOST"] = "ssh://me@box" }));

        Assert.StartsWith("DOCKER_HOST 'ssh://me@box' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryConnectAsync_NoSocket_ReturnsReasonInsteadOfThrowing()
    {
        var connection = await DockerEngine.TryConnectAsync("/tmp/modelpipeline-no-such/docker.sock");

        Assert.False(connection.IsConnected);
        Assert.Equal("no Docker engine socket at /tmp/modelpipeline-no-such/docker.sock (run scripts/start-services.sh as root to start one)", connection.Reason);
    }
}
