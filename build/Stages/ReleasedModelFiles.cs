using System.Security.Cryptography;
using ModelPipeline.GitHub;
using ModelPipeline.GitHub.Workflows;
using ModelPipeline.Registry;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// Brings back the binary files of registered versions (model.bin and *.bin / *.onnx attachments such as anomaly-forest.bin and model.onnx),
/// which git does not hold, from the releases <c>&lt;pipeline&gt;-v&lt;version&gt;</c> that PublishRelease created.
/// Each file is checked against the sha256 in the version's metadata before it is renamed into place.
/// </summary>
internal static class ReleasedModelFiles
{
    public static void Fetch(string root, string pipeline, string modelsDirectory, BuildLog log)
    {
        var registry = ModelRegistry.Open(Path.GetFullPath(modelsDirectory, root), pipeline);
        var missing = registry.ListVersions()
            .Select(v => (Version: v, Directory: Path.Combine(registry.Directory, "versions", v.Version), Files: Expected(v)))
            .Select(v => (v.Version, v.Directory, Files: v.Files.Where(f => !File.Exists(Path.Combine(v.Directory, f.Name))).ToArray()))
            .Where(v => v.Files.Length > 0)
            .ToArray();
        if (missing.Length == 0)
        {
            log.Information($"{pipeline}: every registered version has its model files");
            return;
        }

        var context = GitHubRunContext.FromEnvironment(GitHubActionsRuntime.ProcessEnvironment())
            ?? throw new InvalidOperationException(
                $"{pipeline}: {missing.Length} version(s) lack model files; FetchModels needs GITHUB_ACTIONS=true, GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_SHA to read the releases");
        var client = new GitHubClient(context.ApiUrl, context.Token);
        foreach (var (version, directory, files) in missing)
        {
            var tag = $"{pipeline}-v{version.Version}";
            PublishedRelease release;
            try
            {
                release = client.GetReleaseByTagAsync(context.Repository, tag).GetAwaiter().GetResult();
            }
            catch (GitHubApiException e) when (e.StatusCode == 404)
            {
                log.Warning($"no release {tag}: {string.Join(", ", files.Select(f => f.Name))} of {version.Version} cannot be restored");
                continue;
            }

            var assets = client.ListReleaseAssetsAsync(context.Repository, release.Id).GetAwaiter().GetResult();
            foreach (var (name, sha256) in files)
            {
                if (assets.FirstOrDefault(a => a.Name == name) is not { } asset)
                {
                    log.Warning($"release {tag} has no asset {name}; it has: {(assets.Count == 0 ? "none" : string.Join(", ", assets.Select(a => a.Name)))}");
                    continue;
                }

                Download(client, context.Repository, asset, Path.Combine(directory, name), sha256, tag, root);
                log.Success($"restored {Path.GetRelativePath(root, Path.Combine(directory, name))} from release {tag}");
            }
        }
    }

    /// <summary>Whether an attachment is a binary file kept out of git and released as an asset (*.bin, *.onnx).</summary>
    public static bool IsReleased(string attachment) =>
        attachment.EndsWith(".bin", StringComparison.Ordinal) || attachment.EndsWith(".onnx", StringComparison.Ordinal);

    /// <summary>The model file (model.bin, model.zip, …) and the binary attachments: the files kept out of git and released as assets.</summary>
    static IEnumerable<(string Name, string Sha256)> Expected(ModelVersion version) =>
        new[] { (version.ModelFile, version.Sha256) }
            .Concat(version.Attachments.Where(a => IsReleased(a.Key)).Select(a => (a.Key, a.Value)));

    /// <summary>Downloads into a temporary file beside <paramref name="path"/>, checks the sha256, then renames; a mismatch leaves nothing behind.</summary>
    static void Download(GitHubClient client, string repository, ReleasedAsset asset, string path, string sha256, string tag, string root)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".tmp-{Path.GetFileName(path)}-{Guid.NewGuid():N}");
        try
        {
            string found;
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                client.DownloadReleaseAssetAsync(repository, asset.Id, file).GetAwaiter().GetResult();
                file.Flush(flushToDisk: true);
                file.Position = 0;
                found = Convert.ToHexStringLower(SHA256.HashData(file));
            }

            if (!string.Equals(found, sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new RegistryIntegrityException($"{Path.GetRelativePath(root, path)} (asset {asset.Name} of release {tag})", sha256, found);
            }

            File.Move(temp, path);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
