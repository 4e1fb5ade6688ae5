using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Images;
using ModelPipeline.Containers.Registry;
using ModelPipeline.Definitions;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    /// <summary>
    /// Pushes the packaged image under the pipeline's tags (version, champion when promoted, git short sha),
    /// reads the digest back from the registry and records it in the model registry.
    /// </summary>
    public async Task<PushRecord> PushAsync(DockerEngineClient? engine, ImageRecord image, string registry, RegistryCredentials? credentials)
    {
        var definition = Definition;
        var version = Registry.GetVersion(image.Version);
        var tags = new List<string>();
        foreach (var tag in definition.Push.Tags)
        {
            switch (tag)
            {
                case ImageTag.Version:
                    tags.Add(version.Version);
                    break;
                case ImageTag.Champion when Registry.Champion?.Version == version.Version:
                    tags.Add("champion");
                    break;
                case ImageTag.GitSha when version.Lineage.GitCommit is { Length: >= 7 } sha:
                    tags.Add(sha[..7]);
                    break;
            }
        }

        var built = new BuiltImage(image.Reference, image.ImageId, image.Builder, image.SizeBytes, TimeSpan.FromSeconds(image.BuildSeconds),
            image.Labels, image.LayoutDirectory);
        var pusher = new ImagePusher(engine, log: line => Log.Debug(line));
        var (host, repository) = PushDestination(registry, definition.Push.Repository);
        var result = await pusher.PushAsync(built, host, repository, tags, credentials);
        var references = result.References.Select(r => r.ToString()).ToArray();
        Registry.RecordImage(version.Version, result.Pinned.ToString(), result.Digest, tags);
        var record = new PushRecord(definition.Name, version.Version, result.Digest, references, result.Elapsed.TotalSeconds);
        Artifacts.Write(Artifacts.PushRecord, record);
        return record;
    }

    /// <summary>
    /// Splits a registry given with a path (<c>ghcr.io/&lt;owner&gt;</c>, as the workflow sets REGISTRY) into the host the
    /// client talks to and the repository under that path: (<c>ghcr.io</c>, <c>&lt;owner&gt;/modelpipeline/churn</c>).
    /// </summary>
    public static (string Host, string Repository) PushDestination(string registry, string repository)
    {
        var trimmed = registry.Trim().TrimEnd('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (trimmed, repository) : (trimmed[..slash], $"{trimmed[(slash + 1)..].ToLowerInvariant()}/{repository}");
    }
}
