using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Smoke;
using ModelPipeline.Containers.Tests.Support;

namespace ModelPipeline.Containers.Tests;

[Collection(ContainerServicesCollection.Name)]
public sealed class ImageSmokeTestTests(ContainerServices services) : IDisposable
{
    private readonly TinyServer _server = new();

    [Fact]
    public async Task RunAsync_ServerAnswers_PassesWithTimingsAndRemovesContainer()
    {
        var image = await BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:smoke"));

        var result = await new ImageSmokeTest(services.Engine).RunAsync(image, 8080, """{"rows":[{"tenure":3}]}""",
            body => body.Contains("\"tenure\":3", StringComparison.Ordinal) ? null : "the echo lost the row", TimeSpan.FromSeconds(30));

        Assert.True(result.Passed, result.Failure);
        Assert.Equal(200, result.InvocationStatus);
        Assert.Equal("""{"echo":{"rows":[{"tenure":3}]}}""", result.ResponseBody);
        Assert.True(result.StartToFirstPing > TimeSpan.Zero);
        Assert.Null(result.ContainerLogs);
        Assert.Empty(await services.Engine.ListContainersAsync(RunningContainer.Label, image));
    }

    [Fact]
    public async Task RunAsync_HostNetwork_ServerListensOnTheGivenPort_Passes()
    {
        var image = await BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:smoke"));

        var result = await new ImageSmokeTest(services.Engine) { UseHostNetwork = true }.RunAsync(image, 8080, """{"rows":[]}""",
            body => body == """{"echo":{"rows":[]}}""" ? null : $"unexpected {body}", TimeSpan.FromSeconds(30));

        Assert.True(result.Passed, result.Failure);
        Assert.NotEqual(8080, result.HostPort);
    }

    [Fact]
    public async Task RunAsync_CheckRejectsAnswer_FailsWithReasonAndContainerLogs()
    {
        var image = await BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:smoke"));

        var result = await new ImageSmokeTest(services.Engine).RunAsync(image, 8080, """{"rows":[]}""",
            _ => "expected one prediction per row", TimeSpan.FromSeconds(30));

        Assert.False(result.Passed);
        Assert.Equal("expected one prediction per row", result.Failure);
        Assert.Contains("POST /invocations", result.ContainerLogs, StringComparison.Ordinal);
        Assert.Empty(await services.Engine.ListContainersAsync(RunningContainer.Label, image));
    }

    [Fact]
    public async Task RunAsync_ServerExitsAtStart_FailsWithExitCode()
    {
        var image = await BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:exits") with { Entrypoint = ["/app/busybox", "sh", "-c", "echo no model >&2; exit 3"] });

        var result = await new ImageSmokeTest(services.Engine).RunAsync(image, 8080, "{}", _ => null, TimeSpan.FromSeconds(30));

        Assert.False(result.Passed);
        Assert.Contains("exited (code 3)", result.Failure, StringComparison.Ordinal);
        Assert.Contains("no model", result.ContainerLogs, StringComparison.Ordinal);
        Assert.Empty(await services.Engine.ListContainersAsync(RunningContainer.Label, image));
    }

    private async Task<string> BuildAsync(ImageBuildRequest request) =>
        (await new EngineImageBuilder(services.Engine).BuildAsync(request)).ImageId;

    public void Dispose() => _server.Dispose();
}
