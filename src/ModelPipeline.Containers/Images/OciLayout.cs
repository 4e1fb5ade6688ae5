using System.Text.Json.Nodes;
using ModelPipeline.Containers.Registry;

namespace ModelPipeline.Containers.Images;

/// <summary>An OCI image layout directory (oci-layout, index.json, blobs/sha256/…) holding one image manifest.</summary>
public sealed class OciLayout(string directory)
{
    public string Directory { get; } = directory;

    public string BlobPath(string digest) => Path.Combine(Directory, "blobs", "sha256", digest["sha256:".Length..]);

    public bool HasBlob(string digest) => File.Exists(BlobPath(digest));

    /// <summary>The single manifest's digest and bytes, as index.json names it.</summary>
    public (string Digest, byte[] Bytes) ReadManifest()
    {
        var indexPath = Path.Combine(Directory, "index.json");
        if (!File.Exists(indexPath))
        {
            throw new ImageBuildException($"{Directory} is not an OCI image layout: index.json is missing");
        }

        var index = JsonNode.Parse(File.ReadAllText(indexPath));
        var digest = index?["manifests"]?[0]?["digest"]?.GetValue<string>()
            ?? throw new ImageBuildException($"{indexPath} names no manifest");
        return (digest, File.ReadAllBytes(BlobPath(digest)));
    }

    /// <summary>Config and layer digests the manifest refers to.</summary>
    public static IReadOnlyList<(string Digest, long Size)> Blobs(byte[] manifest)
    {
        var json = JsonNode.Parse(manifest)!;
        var blobs = new List<(string, long)> { (json["config"]!["digest"]!.GetValue<string>(), json["config"]!["size"]!.GetValue<long>()) };
        blobs.AddRange(json["layers"]!.AsArray().Select(l => (l!["digest"]!.GetValue<string>(), l["size"]!.GetValue<long>())));
        return blobs;
    }

    /// <summary>Moves a finished file into blobs/ under its digest.</summary>
    internal async Task<(string Digest, long Size)> AddBlobAsync(string file, CancellationToken cancellationToken)
    {
        string digest;
        await using (var stream = File.OpenRead(file))
        {
            digest = "sha256:" + Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
        }

        var size = new FileInfo(file).Length;
        var target = BlobPath(digest);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(file, target, overwrite: true);
        return (digest, size);
    }

    internal async Task<(string Digest, long Size)> AddBlobAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var digest = OciRegistryClient.Digest(bytes);
        var target = BlobPath(digest);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, bytes, cancellationToken);
        return (digest, bytes.Length);
    }

    /// <summary>Writes oci-layout and index.json for one manifest and removes blobs nothing refers to any more.</summary>
    internal async Task CommitAsync(string manifestDigest, long manifestSize, string tag, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(Directory, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""", cancellationToken);
        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = OciMediaTypes.Index,
            ["manifests"] = new JsonArray(new JsonObject
            {
                ["mediaType"] = OciMediaTypes.Manifest,
                ["digest"] = manifestDigest,
                ["size"] = manifestSize,
                ["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag },
            }),
        };
        await File.WriteAllTextAsync(Path.Combine(Directory, "index.json"), index.ToJsonString(), cancellationToken);
        var keep = Blobs(File.ReadAllBytes(BlobPath(manifestDigest))).Select(b => b.Digest).Append(manifestDigest)
            .Select(d => d["sha256:".Length..]).ToHashSet(StringComparer.Ordinal);
        foreach (var blob in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "blobs", "sha256")))
        {
            if (!keep.Contains(Path.GetFileName(blob)))
            {
                File.Delete(blob);
            }
        }
    }
}
