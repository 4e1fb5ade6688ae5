namespace ModelPipeline.Registry;

public sealed partial class ModelRegistry
{
    /// <summary>The bump <see cref="Register"/> would apply for <paramref name="lineage"/> now; check <see cref="VersionBump.IsUnchanged"/> to skip.</summary>
    public VersionBump PlanBump(Lineage lineage) => VersionBump.Decide(Latest?.Lineage, lineage);

    /// <summary>
    /// Registers a new version: under the pipeline lock, computes the number with <see cref="VersionBump"/> from the latest
    /// version, writes the model file (<see cref="NewVersion.ModelFile"/>), the attachments and version.json into <c>versions/.tmp-&lt;guid&gt;/</c>, fsyncs them and
    /// renames the directory to <c>versions/&lt;semver&gt;/</c> in one atomic step. Throws <see cref="RegistryException"/>
    /// when nothing changed since the latest version (unless <see cref="NewVersion.AllowUnchanged"/>).
    /// </summary>
    public ModelVersion Register(NewVersion draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Validate(draft);
        using var held = Lock();
        var latest = Latest;
        var bump = VersionBump.Decide(latest?.Lineage, draft.Lineage);
        if (bump.IsUnchanged)
        {
            if (!draft.AllowUnchanged)
                throw new RegistryException(
                    $"nothing changed since {Pipeline} {latest!.Version} (same data, config and schema hashes and task); skip registration or set AllowUnchanged");
            bump = new VersionBump(VersionBumpKind.Patch, "re-registered with unchanged lineage");
        }
        var version = bump.Apply(latest?.SemVer).ToString();
        var record = new ModelVersion
        {
            Version = version,
            Pipeline = Pipeline,
            Sha256 = DurableFile.Sha256Hex(draft.Model),
            Size = draft.Model.LongLength,
            ModelKind = draft.ModelKind,
            ModelFile = draft.ModelFile,
            CreatedUtc = _options.Time.GetUtcNow(),
            RunId = draft.RunId,
            Trigger = draft.Trigger,
            Metrics = new SortedDictionary<string, double>(draft.Metrics.ToDictionary(), StringComparer.Ordinal),
            Parameters = new SortedDictionary<string, string>(draft.Parameters.ToDictionary(), StringComparer.Ordinal),
            Trainer = draft.Trainer,
            Lineage = draft.Lineage,
            ParentVersion = latest?.Version,
            BumpReason = bump.Reason,
            Attachments = new SortedDictionary<string, string>(
                draft.Attachments.ToDictionary(a => a.Key, a => DurableFile.Sha256Hex(a.Value)), StringComparer.Ordinal),
        };
        WriteVersionDirectory(record, draft);
        return record;
    }

    private void WriteVersionDirectory(ModelVersion record, NewVersion draft)
    {
        var final = _paths.VersionDirectory(record.Version);
        if (System.IO.Directory.Exists(final))
            throw new RegistryException($"{_paths.Display(final)} already exists; the registry is inconsistent, inspect it by hand");
        var temp = Path.Combine(_paths.Versions, $"{RegistryPaths.TempPrefix}{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            DurableFile.WriteNew(Path.Combine(temp, draft.ModelFile), draft.Model);
            foreach (var (name, bytes) in draft.Attachments)
                DurableFile.WriteNew(Path.Combine(temp, name), bytes);
            DurableFile.WriteNew(Path.Combine(temp, RegistryPaths.VersionFile), SealedJson.ToBytes(record));
            System.IO.Directory.Move(temp, final);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new RegistryException($"{_paths.Display(final)}: could not write the version ({e.Message})", e);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // left for CleanStaleTemps on the next Open
        }
    }

    private static void Validate(NewVersion draft)
    {
        ArgumentNullException.ThrowIfNull(draft.Lineage);
        if (draft.Model is null || draft.Model.Length == 0)
            throw new RegistryException("cannot register an empty model: the model bytes are empty");
        foreach (var (name, value) in draft.Metrics)
            if (!double.IsFinite(value))
                throw new RegistryException($"metric '{name}' is {value}; only finite numbers can be registered");
        RegistryNames.ValidateModelFile(draft.ModelFile, draft.ModelKind);
        foreach (var name in draft.Attachments.Keys)
            RegistryNames.ValidateAttachment(name, draft.ModelFile);
        foreach (var (name, value) in new[] { ("data hash", draft.Lineage.DataHash), ("config hash", draft.Lineage.ConfigHash), ("schema hash", draft.Lineage.SchemaHash), ("task", draft.Lineage.Task) })
            if (string.IsNullOrWhiteSpace(value))
                throw new RegistryException($"lineage {name} is empty; the registry needs it to decide the version number");
    }
}
