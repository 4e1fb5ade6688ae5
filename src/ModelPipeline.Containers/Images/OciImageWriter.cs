using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Images;

/// <summary>
/// Builds the image without any engine: writes an OCI image layout (reproducible tar.gz layers — fixed mtimes, sorted
/// entries, uid 0 — a config with the same user/env/entrypoint/labels as the Dockerfile, and a manifest) under
/// <c>outputRoot/&lt;tag&gt;</c>. <see cref="ImagePusher"/> pushes it with the Distribution API. Layers: offline base (or
/// the base image's layers, fetched from its registry), the server (/app), the model (/app/model).
/// </summary>
public sealed class OciImageWriter(string outputRoot) : IImageBuilder
{
    public string Name => "oci";

    public string OutputRoot { get; } = outputRoot;

    public async Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var layout = new OciLayout(Path.Combine(Path.GetFullPath(OutputRoot), LayoutName(request.Tag)));
        Directory.CreateDirectory(Path.Combine(layout.Directory, "blobs", "sha256"));

        var baseImage = request.UsesOfflineBase
            ? null
            : await OciBaseImage.FetchAsync(request.BaseImage!, layout, request.Log, cancellationToken);
        var layers = new List<(string Digest, long Size, string DiffId, string CreatedBy)>();
        if (baseImage is null)
        {
            var rootfs = ImageContent.FromRootFs(OfflineBaseLayer.Collect(EngineImageBuilder.NativeOnHost(request)), "");
            layers.Add(await WriteLayerAsync(layout, rootfs, "offline base: ldd closure of the server + /tmp", cancellationToken));
        }

        layers.Add(await WriteLayerAsync(layout, ImageContent.FromDirectory(request.ServerDirectory, "app"), "COPY app/ /app/", cancellationToken));
        if (request.ModelDirectory is { } model)
        {
            layers.Add(await WriteLayerAsync(layout, ImageContent.FromDirectory(model, "app/model"), "COPY model/ /app/model/", cancellationToken));
        }

        var config = Config(request, baseImage, layers.Select(l => (l.DiffId, l.CreatedBy)).ToList());
        var configBlob = await layout.AddBlobAsync(Encoding.UTF8.GetBytes(config.ToJsonString()), cancellationToken);
        var layerDescriptors = new JsonArray();
        foreach (var descriptor in baseImage?.Layers ?? [])
        {
            layerDescriptors.Add(new JsonObject { ["mediaType"] = OciMediaTypes.Layer, ["digest"] = descriptor.Digest, ["size"] = descriptor.Size });
        }

        foreach (var layer in layers)
        {
            layerDescriptors.Add(new JsonObject { ["mediaType"] = OciMediaTypes.Layer, ["digest"] = layer.Digest, ["size"] = layer.Size });
        }

        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Manifest,
            ["config"] = new JsonObject { ["mediaType"] = OciMediaTypes.Config, ["digest"] = configBlob.Digest, ["size"] = configBlob.Size },
            ["layers"] = layerDescriptors,
        };
        var manifestBlob = await layout.AddBlobAsync(Encoding.UTF8.GetBytes(manifest.ToJsonString()), cancellationToken);
        var tag = ImageReference.TryParse(request.Tag, out var reference) ? reference.Tag ?? "latest" : "latest";
        await layout.CommitAsync(manifestBlob.Digest, manifestBlob.Size, tag, cancellationToken);

        var size = configBlob.Size + layers.Sum(l => l.Size) + (baseImage?.Layers.Sum(l => l.Size) ?? 0);
        request.Log?.Invoke($"wrote OCI layout {layout.Directory}: {layers.Count} layers, {size / 1e6:0.0} MB compressed");
        return new BuiltImage(request.Tag, configBlob.Digest, Name, size, clock.Elapsed, request.Labels, layout.Directory);
    }

    /// <summary>A directory name for a tag: registry/repo:tag with separators replaced.</summary>
    internal static string LayoutName(string tag) =>
        string.Concat(tag.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    internal static JsonObject Config(ImageBuildRequest request, OciBaseImage? baseImage, IReadOnlyList<(string DiffId, string CreatedBy)> layers)
    {
        var created = request.Labels.TryGetValue("org.opencontainers.image.created", out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
                ? when.ToUniversalTime() : TarLayer.Timestamp;
        var createdText = created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var env = new List<string>();
        foreach (var inherited in baseImage?.Env ?? ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"])
        {
            env.Add(inherited);
        }

        foreach (var (key, value) in request.EffectiveEnvironment())
        {
            env.RemoveAll(e => e.StartsWith(key + "=", StringComparison.Ordinal));
            env.Add($"{key}={value}");
        }

        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in baseImage?.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        foreach (var (key, value) in request.Labels)
        {
            labels[key] = value;
        }

        var labelJson = new JsonObject();
        foreach (var (key, value) in labels)
        {
            labelJson[key] = value;
        }

        var diffIds = new JsonArray();
        foreach (var id in baseImage?.DiffIds ?? [])
        {
            diffIds.Add(id);
        }

        var history = new JsonArray();
        foreach (var entry in baseImage?.History ?? [])
        {
            history.Add(entry.DeepClone());
        }

        foreach (var (diffId, createdBy) in layers)
        {
            diffIds.Add(diffId);
            history.Add(new JsonObject { ["created"] = createdText, ["created_by"] = createdBy, ["comment"] = "ModelPipeline OciImageWriter" });
        }

        return new JsonObject
        {
            ["created"] = createdText,
            ["architecture"] = baseImage?.Architecture ?? "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject
            {
                ["User"] = request.User,
                ["ExposedPorts"] = new JsonObject { [$"{request.Port}/tcp"] = new JsonObject() },
                ["Env"] = new JsonArray([.. env.Select(e => (JsonNode)e)]),
                ["Entrypoint"] = new JsonArray([.. request.Entrypoint.Select(e => (JsonNode)e)]),
                ["WorkingDir"] = "/app",
                ["Labels"] = labelJson,
            },
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = history,
        };
    }

    private static async Task<(string Digest, long Size, string DiffId, string CreatedBy)> WriteLayerAsync(OciLayout layout,
        List<ImageEntry> entries, string createdBy, CancellationToken cancellationToken)
    {
        var tarPath = Path.Combine(layout.Directory, $"layer-{Guid.NewGuid():N}.tar");
        var gzPath = tarPath + ".gz";
        try
        {
            await using (var tar = new FileStream(tarPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await TarLayer.WriteAsync(tar, entries, cancellationToken);
            }

            string diffId;
            await using (var tar = File.OpenRead(tarPath))
            {
                diffId = "sha256:" + Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(tar, cancellationToken));
                tar.Position = 0;
                await using var gz = new FileStream(gzPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using var zip = new GZipStream(gz, CompressionLevel.Optimal);
                await tar.CopyToAsync(zip, cancellationToken);
            }

            var (digest, size) = await layout.AddBlobAsync(gzPath, cancellationToken);
            return (digest, size, diffId, createdBy);
        }
        finally
        {
            File.Delete(tarPath);
            File.Delete(gzPath);
        }
    }
}
