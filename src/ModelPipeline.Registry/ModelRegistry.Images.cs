namespace ModelPipeline.Registry;

public sealed partial class ModelRegistry
{
    private const string ImagesFile = "images.jsonl";

    /// <summary>
    /// Records that a version's image was pushed (reference and digest as read back from the OCI registry),
    /// appended to images.jsonl: version directories stay immutable once written.
    /// </summary>
    public PublishedImage RecordImage(string version, string reference, string digest, IReadOnlyList<string> tags)
    {
        var record = new PublishedImage(GetVersion(version).Version, reference, digest, tags, _options.Time.GetUtcNow());
        using var held = Lock();
        JsonLines.Append(Path.Combine(_paths.Pipeline, ImagesFile), RegistryJson.ToLine(record));
        return record;
    }

    /// <summary>Every image pushed for this pipeline, oldest first; filter by version as needed.</summary>
    public IReadOnlyList<PublishedImage> Images() =>
        JsonLines.ReadCompleteLines(Path.Combine(_paths.Pipeline, ImagesFile))
            .Select(line => RegistryJson.Parse<PublishedImage>(line, _paths.Display(Path.Combine(_paths.Pipeline, ImagesFile))))
            .ToArray();
}
