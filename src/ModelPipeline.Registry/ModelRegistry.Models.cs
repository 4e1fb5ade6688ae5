namespace ModelPipeline.Registry;

public sealed partial class ModelRegistry
{
    /// <summary>
    /// The model bytes of <paramref name="version"/>, after checking their sha256 against the stored version.json;
    /// throws <see cref="RegistryIntegrityException"/> on mismatch or when the file is missing.
    /// </summary>
    public byte[] ReadModel(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var stored = GetVersion(version.Version);
        return ReadVerified(Path.Combine(_paths.VersionDirectory(stored.Version), stored.ModelFile), stored.Sha256);
    }

    /// <summary>The model bytes of a version or alias (e.g. <c>champion</c>), verified like <see cref="ReadModel(ModelVersion)"/>.</summary>
    public byte[] ReadModel(string versionOrAlias) => ReadModel(GetVersion(versionOrAlias));

    /// <summary>An attachment stored with <paramref name="version"/> (e.g. <c>evaluation.json</c>), verified against its sha256.</summary>
    public byte[] ReadAttachment(ModelVersion version, string name)
    {
        ArgumentNullException.ThrowIfNull(version);
        var stored = GetVersion(version.Version);
        if (!stored.Attachments.TryGetValue(name, out var sha))
            throw new RegistryException(
                $"{Pipeline} {stored.Version} has no attachment '{name}'; it has: {(stored.Attachments.Count == 0 ? "none" : string.Join(", ", stored.Attachments.Keys))}");
        return ReadVerified(Path.Combine(_paths.VersionDirectory(stored.Version), name), sha);
    }

    /// <summary>Checks the model and every attachment of <paramref name="version"/>; throws <see cref="RegistryIntegrityException"/> on the first mismatch.</summary>
    public void Verify(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var stored = GetVersion(version.Version);
        ReadModel(stored);
        foreach (var name in stored.Attachments.Keys) ReadAttachment(stored, name);
    }

    private byte[] ReadVerified(string path, string expectedSha256)
    {
        if (!File.Exists(path)) throw new RegistryIntegrityException(_paths.Display(path), expectedSha256, null);
        var bytes = File.ReadAllBytes(path);
        var found = DurableFile.Sha256Hex(bytes);
        if (!string.Equals(found, expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new RegistryIntegrityException(_paths.Display(path), expectedSha256, found);
        return bytes;
    }
}
