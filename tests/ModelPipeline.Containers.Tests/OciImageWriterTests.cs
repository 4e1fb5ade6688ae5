using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Containers.Tests.Support;

namespace ModelPipeline.Containers.Tests;

public sealed class OciImageWriterTests : IDisposable
{
    private readonly TinyServer _server = new();

    [Fact]
    public async Task BuildAsync_SameInputsTwice_SameManifestDigest()
    {
        var first = await new OciImageWriter(Path.Combine(_server.Root, "a")).BuildAsync(_server.Request("tiny:1"));
        File.SetLastWriteTimeUtc(Path.Combine(_server.ModelDirectory, "model.bin"), DateTime.UtcNow.AddDays(-3));
        var second = await new OciImageWriter(Path.Combine(_server.Root, "b")).BuildAsync(_server.Request("tiny:1"));

        Assert.Equal(first.ImageId, second.ImageId);
        Assert.Equal(new OciLayout(first.LayoutDirectory!).ReadManifest().Digest, new OciLayout(second.LayoutDirectory!).ReadManifest().Digest);
    }

    [Fact]
    public async Task BuildAsync_ModelChanges_OnlyTheModelLayerChanges()
    {
        var first = await new OciImageWriter(Path.Combine(_server.Root, "a")).BuildAsync(_server.Request("tiny:1"));
        File.WriteAllBytes(Path.Combine(_server.ModelDirectory, "model.bin"), [9, 9]);
        var second = await new OciImageWriter(Path.Combine(_server.Root, "b")).BuildAsync(_server.Request("tiny:1"));

        var before = Layers(first);
        var after = Layers(second);
        Assert.Equal(before[..^1], after[..^1]);
        Assert.NotEqual(before[^1], after[^1]);
    }

    [Fact]
    public async Task BuildAsync_Config_HasLabelsUserEnvPortEntrypointAndCreated()
    {
        var image = await new OciImageWriter(_server.Root).BuildAsync(_server.Request("tiny:1"));

        var config = JsonNode.Parse(File.ReadAllBytes(new OciLayout(image.LayoutDirectory!).BlobPath(image.ImageId)))!;
        Assert.Equal("2026-11-22T07:00:00Z", config["created"]!.GetValue<string>());
        Assert.Equal("10001:10001", config["config"]!["User"]!.GetValue<string>());
        Assert.NotNull(config["config"]!["ExposedPorts"]!["8080/tcp"]);
        Assert.Contains("DOTNET_EnableDiagnostics=0", config["config"]!["Env"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal("/app/busybox", config["config"]!["Entrypoint"]![0]!.GetValue<string>());
        foreach (var (key, value) in TinyServer.Labels)
        {
            Assert.Equal(value, config["config"]!["Labels"]![key]!.GetValue<string>());
        }

        Assert.Equal(3, config["rootfs"]!["diff_ids"]!.AsArray().Count);
    }

    [Fact]
    public async Task BuildAsync_Layers_AreSortedWithFixedTimesRootOwnershipAndWorldWritableTmp()
    {
        var image = await new OciImageWriter(_server.Root).BuildAsync(_server.Request("tiny:1"));
        var layout = new OciLayout(image.LayoutDirectory!);
        var entries = Layers(image).SelectMany(digest => ReadTar(layout.BlobPath(digest))).ToList();

        Assert.All(entries, e => Assert.Equal(DateTimeOffset.UnixEpoch, e.ModificationTime));
        Assert.All(entries, e => Assert.Equal((0, 0), (e.Uid, e.Gid)));
        Assert.Equal((UnixFileMode)0b1_111_111_111, entries.Single(e => e.Name == "tmp/").Mode);
        Assert.Equal((UnixFileMode)0b111_101_101, entries.Single(e => e.Name == "app/busybox").Mode);
        Assert.Contains(entries, e => e.Name == "app/model/model.json");
        var appNames = ReadTar(layout.BlobPath(Layers(image)[1])).Select(e => e.Name).ToList();
        Assert.Equal(appNames.Order(StringComparer.Ordinal), appNames);
    }

    [Fact]
    public async Task BuildAsync_MissingServerDirectory_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ImageBuildException>(() =>
            new OciImageWriter(_server.Root).BuildAsync(_server.Request("tiny:1") with { ServerDirectory = "/no/server", Entrypoint = ["/app/x"] }));

        Assert.Equal("entrypoint /app/x is not in the server directory /no/server", error.Message);
    }

    private static string[] Layers(BuiltImage image)
    {
        var (_, manifest) = new OciLayout(image.LayoutDirectory!).ReadManifest();
        return [.. OciLayout.Blobs(manifest).Skip(1).Select(b => b.Digest)];
    }

    private static List<TarEntry> ReadTar(string gzPath)
    {
        using var gz = new GZipStream(File.OpenRead(gzPath), CompressionMode.Decompress);
        using var reader = new TarReader(gz);
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry() is { } entry)
        {
            entries.Add(entry);
        }

        return entries;
    }

    public void Dispose() => _server.Dispose();
}
