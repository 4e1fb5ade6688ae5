using Docker.DotNet.Models;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Containers.Tests.Support;

namespace ModelPipeline.Containers.Tests;

[Collection(ContainerServicesCollection.Name)]
public sealed class EngineImageBuilderTests(ContainerServices services) : IDisposable
{
    private readonly TinyServer _server = new();

    [Fact]
    public async Task BuildAsync_TinyServer_ImageCarriesLabelsUserPortAndEntrypoint()
    {
        var built = await new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:engine"));

        Assert.StartsWith("sha256:", built.ImageId, StringComparison.Ordinal);
        Assert.True(built.InEngine);
        var config = (await services.Engine.InspectImageAsync(built.ImageId))!.Config;
        foreach (var (key, value) in TinyServer.Labels)
        {
            Assert.Equal(value, config.Labels[key]);
        }

        Assert.Equal("10001:10001", config.User);
        Assert.Contains("8080/tcp", config.ExposedPorts.Keys);
        Assert.Contains("DOTNET_EnableDiagnostics=0", config.Env);
        Assert.Equal("/app/busybox", config.Entrypoint[0]);
    }

    [Fact]
    public async Task BuildAsync_OfflineBase_HasWritableTmpAndModelUnderApp()
    {
        var built = await new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:engine"));

        var output = await RunAsync(built.ImageId, "stat -c %a /tmp; ls /app/model; /app/busybox id -u; touch /tmp/x && echo writable");

        Assert.Equal(["1777", "model.bin", "model.json", "10001", "writable"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task BuildAsync_BaseImageInRegistry_BuildsFromItWithoutTheOfflineBase()
    {
        var baseImage = await new OciImageWriter(Path.Combine(_server.Root, "base")).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:base"));
        var tag = RegistryProbe.UniqueTag("base");
        await new ImagePusher().PushAsync(baseImage, ContainerServices.Registry, $"{ContainerServices.Namespace}/tiny-base", [tag]);

        var built = await new EngineImageBuilder(services.Engine).BuildAsync(
            _server.Request($"{ContainerServices.Namespace}/tiny:on-base") with { BaseImage = $"{ContainerServices.Registry}/{ContainerServices.Namespace}/tiny-base:{tag}" });

        var layers = (await services.Engine.InspectImageAsync(built.ImageId))!.RootFS.Layers;
        Assert.Equal(3 + 2, layers.Count);
    }

    [Fact]
    public async Task BuildAsync_UserTemplate_IsRenderedWithTheRequest()
    {
        var template = Path.Combine(_server.Root, "Dockerfile.scriban");
        File.WriteAllText(template, DockerfileTemplate.Default.Replace("WORKDIR /app", "LABEL custom.port=\"{{ port }}\"\nWORKDIR /app", StringComparison.Ordinal));

        var built = await new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:custom") with { DockerfileTemplatePath = template });

        var labels = (await services.Engine.InspectImageAsync(built.ImageId))!.Config.Labels;
        Assert.Equal("8080", labels["custom.port"]);
    }

    [Fact]
    public async Task BuildAsync_TemplateWithUnknownInstruction_ThrowsWithTheEnginesReason()
    {
        var template = Path.Combine(_server.Root, "Bad.scriban");
        File.WriteAllText(template, "FROM scratch\nCOPYY app/ /app/\n");

        var error = await Assert.ThrowsAsync<ContainerEngineException>(() =>
            new EngineImageBuilder(services.Engine).BuildAsync(_server.Request($"{ContainerServices.Namespace}/tiny:bad") with { DockerfileTemplatePath = template }));

        Assert.Contains("COPYY", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> RunAsync(string image, string script)
    {
        var spec = new CreateContainerParameters { Image = image, Entrypoint = ["/app/busybox", "sh", "-c", script] };
        var id = await services.Engine.CreateContainerAsync(spec);
        try
        {
            await services.Engine.StartContainerAsync(id);
            Assert.Equal(0, await services.Engine.WaitContainerAsync(id));
            return await services.Engine.LogsAsync(id);
        }
        finally
        {
            await services.Engine.RemoveContainerAsync(id);
        }
    }

    public void Dispose() => _server.Dispose();
}
