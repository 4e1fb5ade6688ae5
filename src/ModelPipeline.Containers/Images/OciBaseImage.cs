using System.Text.Json.Nodes;
using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Images;

/// <summary>A base image fetched from its registry into the layout (manifest, config, layers) for <see cref="OciImageWriter"/>.</summary>
internal sealed record OciBaseImage(
    IReadOnlyList<(string Digest, long Size)> Layers,
    IReadOnlyList<string> DiffIds,
    IReadOnlyList<string> Env,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<JsonNode> History,
    string Architecture)
{
    public static async Task<OciBaseImage> FetchAsync(string baseImage, OciLayout layout, Action<string>? log, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(baseImage);
        var registry = reference.Registry ?? "registry-1.docker.io";
        var repository = reference.Registry is null && !reference.Repository.Contains('/', StringComparison.Ordinal)
            ? "library/" + reference.Repository : reference.Repository;
        if (registry == "docker.io")
        {
            registry = "registry-1.docker.io";
        }

        using var client = new OciRegistryClient(registry, RegistryCredentials.FromEnvironment(registry));
        RegistryManifest manifest;
        try
        {
            manifest = await client.GetManifestAsync(repository, reference.Digest ?? reference.Tag ?? "latest", cancellationToken)
                ?? throw new ImageBuildException($"base image {baseImage} does not exist in {registry}");
            if (manifest.MediaType is OciMediaTypes.Index or OciMediaTypes.DockerManifestList)
            {
                var entry = JsonNode.Parse(manifest.Bytes)!["manifests"]!.AsArray()
                    .FirstOrDefault(m => m?["platform"]?["os"]?.GetValue<string>() == "linux" && m["platform"]?["architecture"]?.GetValue<string>() == "amd64")
                    ?? throw new ImageBuildException($"base image {baseImage} has no linux/amd64 variant");
                manifest = await client.GetManifestAsync(repository, entry["digest"]!.GetValue<string>(), cancellationToken)
                    ?? throw new ImageBuildException($"base image {baseImage}: its linux/amd64 manifest is missing");
            }

            var blobs = OciLayout.Blobs(manifest.Bytes);
            foreach (var (digest, size) in blobs.Where(b => !layout.HasBlob(b.Digest)))
            {
                log?.Invoke($"fetching {digest[..19]} ({size / 1e6:0.0} MB) of base {baseImage}");
                var partial = layout.BlobPath(digest) + ".partial";
                await using (var file = File.Create(partial))
                {
                    await client.DownloadBlobAsync(repository, digest, file, cancellationToken);
                }

                File.Move(partial, layout.BlobPath(digest), overwrite: true);
            }

            var config = JsonNode.Parse(File.ReadAllBytes(layout.BlobPath(blobs[0].Digest)))!;
            var labels = config["config"]?["Labels"] is JsonObject l
                ? l.ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "") : new Dictionary<string, string>();
            return new OciBaseImage(
                [.. blobs.Skip(1)],
                [.. config["rootfs"]!["diff_ids"]!.AsArray().Select(d => d!.GetValue<string>())],
                [.. (config["config"]?["Env"]?.AsArray() ?? []).Select(e => e!.GetValue<string>())],
                labels,
                [.. (config["history"]?.AsArray() ?? []).Where(h => h is not null).Select(h => h!.DeepClone())],
                config["architecture"]?.GetValue<string>() ?? "amd64");
        }
        catch (Exception e) when (e is HttpRequestException or RegistryStatusException)
        {
            throw new ImageBuildException($"cannot fetch base image {baseImage} from {registry}: {e.Message}", e);
        }
    }
}
