namespace ModelPipeline.Registry;

/// <summary>A stored file does not match the sha256 recorded when it was registered; the registry refuses to load it.</summary>
public sealed class RegistryIntegrityException : RegistryException
{
    /// <summary>Creates the exception for <paramref name="file"/> (a path relative to the models root's parent).</summary>
    public RegistryIntegrityException(string file, string expectedSha256, string? foundSha256)
        : base(foundSha256 is null
            ? $"{file}: file is missing (expected sha256 {Short(expectedSha256)}); refusing to load"
            : $"{file}: sha256 mismatch (expected {Short(expectedSha256)}, found {Short(foundSha256)}); refusing to load")
    {
        File = file;
        ExpectedSha256 = expectedSha256;
        FoundSha256 = foundSha256;
    }

    /// <summary>The offending file, e.g. <c>models/churn/versions/1.2.0/model.bin</c>.</summary>
    public string File { get; }

    /// <summary>The sha256 recorded in version.json.</summary>
    public string ExpectedSha256 { get; }

    /// <summary>The sha256 found on disk, or null when the file is missing.</summary>
    public string? FoundSha256 { get; }

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
