using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Containers.Tests.Support;

namespace ModelPipeline.Containers.Tests;

[Collection(ContainerServicesCollection.Name)]
public sealed class ImagePusherTests(ContainerServices services) : IDisposable
{
    private static string Repository => $"{ContainerServices.Namespace}/tiny-engine";
    private static readonly RegistryRetryOptions FastRetry = new(MaxAttempts: 3, BaseDelaySeconds: 0.2, AttemptTimeoutSeconds: 60);
    private readonly TinyServer _server = new();

    [Fact]
    public async Task PushAsync_EngineImageTwoTags_RegistryServesThePushedDigestForBoth()
    {
        var image = await new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:push"));
        var tags = new[] { RegistryProbe.UniqueTag("1.4.0"), RegistryProbe.UniqueTag("latest") };

        var result = await new ImagePusher(services.Engine, FastRetry).PushAsync(image, ContainerServices.Registry, Repository, tags);

        Assert.StartsWith("sha256:", result.Digest, StringComparison.Ordinal);
        Assert.Equal(result.Digest, await RegistryProbe.DigestAsync(ContainerServices.Registry, Repository, tags[0]));
        Assert.Equal(result.Digest, await RegistryProbe.DigestAsync(ContainerServices.Registry, Repository, tags[1]));
        Assert.Equal($"{ContainerServices.Registry}/{Repository}:{tags[0]}@{result.Digest}", result.References[0].ToString());
        Assert.Equal($"{ContainerServices.Registry}/{Repository}@{result.Digest}", result.Pinned.ToString());
    }

    [Fact]
    public async Task PushAsync_EngineImage_RegistryFailsTwiceThenRecovers_StillPushes()
    {
        var image = await new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:push"));
        await using var proxy = new FlakyRegistryProxy(ContainerServices.Registry, failures: 2);
        var tag = RegistryProbe.UniqueTag("flaky");

        var result = await new ImagePusher(services.Engine, FastRetry).PushAsync(image, proxy.Address, Repository, [tag]);

        Assert.Equal(2, proxy.FailuresAnswered);
        Assert.Equal(result.Digest, await RegistryProbe.DigestAsync(ContainerServices.Registry, Repository, tag));
    }

    [Fact]
    public async Task PushAsync_EngineImage_UnreachableRegistry_ThrowsClearMessage()
    {
        var image = await new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:push"));
        var registry = $"127.0.0.1:{RegistryProbe.UnusedPort()}";

        var error = await Assert.ThrowsAsync<ImagePushException>(() =>
            new ImagePusher(services.Engine, FastRetry).PushAsync(image, registry, Repository, ["1.0.0"]));

        Assert.Equal($"registry {registry} unreachable: connection refused (after 3 tries)", error.Message);
    }

    public void Dispose() => _server.Dispose();
}
