namespace ModelPipeline.Containers.Images;

/// <summary>The labels a model image carries: OCI annotations plus io.modelpipeline.* — plain strings, no ML types.</summary>
public static class ImageLabels
{
    public const string Source = "org.opencontainers.image.source";
    public const string Revision = "org.opencontainers.image.revision";
    public const string Version = "org.opencontainers.image.version";
    public const string Created = "org.opencontainers.image.created";
    public const string Title = "org.opencontainers.image.title";
    public const string Pipeline = "io.modelpipeline.pipeline";
    public const string ModelVersion = "io.modelpipeline.model-version";
    public const string DataHash = "io.modelpipeline.data-hash";
    public const string Decision = "io.modelpipeline.decision";

    /// <summary>The standard label set; null or empty values are left out. <paramref name="created"/> is written as RFC 3339 UTC.</summary>
    public static IReadOnlyDictionary<string, string> For(string pipeline, string modelVersion, string? dataHash = null, string? decision = null,
        string? source = null, string? revision = null, DateTimeOffset? created = null, string? title = null)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                labels[key] = value;
            }
        }

        Add(Pipeline, pipeline);
        Add(ModelVersion, modelVersion);
        Add(Version, modelVersion);
        Add(DataHash, dataHash);
        Add(Decision, decision);
        Add(Source, source);
        Add(Revision, revision);
        Add(Created, created?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Add(Title, title ?? pipeline);
        return labels;
    }
}
