using System.Diagnostics;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Containers.Smoke;
using ModelPipeline.Containers.Tests.Support;

namespace ModelPipeline.Containers.Tests;

[Collection(ContainerServicesCollection.Name)]
public sealed class OciImagePushTests(ContainerServices services) : IDisposable
{
    private static string Repository => $"{ContainerServices.Namespace}/tiny-oci";
    private static readonly RegistryRetryOptions FastRetry = new(MaxAttempts: 3, BaseDelaySeconds: 0.2, AttemptTimeoutSeconds: 60);
    private readonly TinyServer _server = new();

    [Fact]
    public async Task PushAsync_OciLayoutWithoutEngine_SkopeoSeesLabelsAndDockerPullRunsIt()
    {
        services.RequireRegistry();
        var image = await new OciImageWriter(Path.Combine(_server.Root, "oci")).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:oci"));
        var tag = RegistryProbe.UniqueTag("oci");

        var result = await new ImagePusher(engine: null, FastRetry).PushAsync(image, ContainerServices.Registry, Repository, [tag]);

        var inspect = JsonNode.Parse(Skopeo("inspect", "--tls-verify=false", $"docker://{ContainerServices.Registry}/{Repository}:{tag}"))!;
        Assert.Equal(result.Digest, inspect["Digest"]!.GetValue<string>());
        Assert.Equal("promote", inspect["Labels"]!["io.modelpipeline.decision"]!.GetValue<string>());
        Assert.Equal("churn \"model\"", inspect["Labels"]!["org.opencontainers.image.title"]!.GetValue<string>());

        await services.Engine.PullAsync($"{ContainerServices.Registry}/{Repository}", tag);
        var smoke = await new ImageSmokeTest(services.Engine).RunAsync($"{ContainerServices.Registry}/{Repository}:{tag}", 8080,
            """{"rows":[1]}""", body => body == """{"echo":{"rows":[1]}}""" ? null : $"unexpected {body}", TimeSpan.FromSeconds(30));
        Assert.True(smoke.Passed, smoke.Failure + smoke.ContainerLogs);
    }

    [Fact]
    public async Task BuildAsync_BaseImageFromRegistry_StacksOnItsLayersAndRuns()
    {
        services.RequireRegistry();
        var baseTag = RegistryProbe.UniqueTag("base");
        var baseImage = await new OciImageWriter(Path.Combine(_server.Root, "base")).BuildAsync(
            _server.Request($"{ContainerServices.Namespace}/tiny:base") with { Labels = new Dictionary<string, string> { ["base.label"] = "kept" } });
        await new ImagePusher(engine: null, FastRetry).PushAsync(baseImage, ContainerServices.Registry, Repository, [baseTag]);

        var derived = await new OciImageWriter(Path.Combine(_server.Root, "derived")).BuildAsync(
            _server.Request($"{ContainerServices.Namespace}/tiny:derived") with { BaseImage = $"{ContainerServices.Registry}/{Repository}:{baseTag}" });
        var tag = RegistryProbe.UniqueTag("derived");
        await new ImagePusher(engine: null, FastRetry).PushAsync(derived, ContainerServices.Registry, Repository, [tag]);

        var config = JsonNode.Parse(File.ReadAllBytes(new OciLayout(derived.LayoutDirectory!).BlobPath(derived.ImageId)))!;
        Assert.Equal(3 + 2, config["rootfs"]!["diff_ids"]!.AsArray().Count);
        Assert.Equal("kept", config["config"]!["Labels"]!["base.label"]!.GetValue<string>());
        Assert.Equal("promote", config["config"]!["Labels"]!["io.modelpipeline.decision"]!.GetValue<string>());
        await services.Engine.PullAsync($"{ContainerServices.Registry}/{Repository}", tag);
        var smoke = await new ImageSmokeTest(services.Engine) { UseHostNetwork = true }.RunAsync($"{ContainerServices.Registry}/{Repository}:{tag}", 8080,
            "[]", body => body == """{"echo":[]}""" ? null : $"unexpected {body}", TimeSpan.FromSeconds(30));
        Assert.True(smoke.Passed, smoke.Failure + smoke.ContainerLogs);
    }

    [Fact]
    public async Task PushAsync_OciLayout_RegistryFailsTwiceThenRecovers_StillPushes()
    {
        services.RequireRegistry();
        var image = await new OciImageWriter(Path.Combine(_server.Root, "oci")).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:oci"));
        await using var proxy = new FlakyRegistryProxy(ContainerServices.Registry, failures: 2);
        var tag = RegistryProbe.UniqueTag("flaky");

        var result = await new ImagePusher(engine: null, FastRetry).PushAsync(image, proxy.Address, Repository, [tag]);

        Assert.Equal(2, proxy.FailuresAnswered);
        Assert.Equal(result.Digest, await RegistryProbe.DigestAsync(ContainerServices.Registry, Repository, tag));
    }

    [Fact]
    public async Task PushAsync_OciLayout_UnreachableRegistry_ThrowsClearMessage()
    {
        var image = await new OciImageWriter(Path.Combine(_server.Root, "oci")).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:oci"));
        var registry = $"127.0.0.1:{RegistryProbe.UnusedPort()}";

        var error = await Assert.ThrowsAsync<ImagePushException>(() =>
            new ImagePusher(engine: null, FastRetry).PushAsync(image, registry, Repository, ["1.0.0"]));

        Assert.Equal($"registry {registry} unreachable: connection refused (after 3 tries)", error.Message);
    }

    private static string Skopeo(params string[] arguments)
    {
        var start = new ProcessStartInfo("skopeo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"skopeo {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public void Dispose() => _server.Dispose();
}
