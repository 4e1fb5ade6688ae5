namespace ModelPipeline.Registry;

/// <summary>
/// The model registry of one pipeline: immutable versions under <c>models/&lt;pipeline&gt;/versions/&lt;semver&gt;/</c>,
/// movable aliases (<c>champion</c>...) with an append-only history, and recorded gate decisions.
/// Writes are atomic (temp dir/file + fsync + rename) and serialized across processes by a pipeline lock.
/// </summary>
public sealed partial class ModelRegistry
{
    /// <summary>The alias that names the model in production.</summary>
    public const string ChampionAlias = "champion";

    private readonly RegistryPaths _paths;
    private readonly RegistryOptions _options;

    private ModelRegistry(RegistryPaths paths, RegistryOptions options)
    {
        _paths = paths;
        _options = options;
    }

    /// <summary>The pipeline name.</summary>
    public string Pipeline => _paths.Name;

    /// <summary>The full path of <c>models/&lt;pipeline&gt;/</c>.</summary>
    public string Directory => _paths.Pipeline;

    /// <summary>
    /// Opens (creating if needed) the registry of <paramref name="pipeline"/> under <paramref name="root"/> (the <c>models/</c> folder),
    /// and removes temp files left by writers that crashed (only when no other writer holds the lock).
    /// </summary>
    public static ModelRegistry Open(string root, string pipeline, RegistryOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        RegistryNames.ValidatePipeline(pipeline);
        var paths = new RegistryPaths(root, pipeline);
        System.IO.Directory.CreateDirectory(paths.Versions);
        var registry = new ModelRegistry(paths, options ?? new RegistryOptions());
        registry.CleanStaleTemps();
        return registry;
    }

    /// <summary>The pipelines that have a registry under <paramref name="root"/>, sorted by name; empty when root does not exist.</summary>
    public static IReadOnlyList<string> ListPipelines(string root)
    {
        if (!System.IO.Directory.Exists(root)) return [];
        return System.IO.Directory.EnumerateDirectories(root)
            .Where(d => System.IO.Directory.Exists(Path.Combine(d, "versions")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>All complete versions, oldest (lowest SemVer) first. Directories being written (<c>.tmp-*</c>) are never listed.</summary>
    public IReadOnlyList<ModelVersion> ListVersions() =>
        VersionNames().Select(v => ReadVersionFile(v.ToString())).ToArray();

    /// <summary>The highest version, or null when none is registered.</summary>
    public ModelVersion? Latest => VersionNames().LastOrDefault() is { } v ? ReadVersionFile(v.ToString()) : null;

    /// <summary>
    /// The version named <paramref name="versionOrAlias"/> (<c>1.2.0</c>, <c>v1.2.0</c> or an alias such as <c>champion</c>);
    /// throws <see cref="RegistryException"/> listing the existing versions when it does not exist.
    /// </summary>
    public ModelVersion GetVersion(string versionOrAlias)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionOrAlias);
        if (!SemanticVersion.TryParse(versionOrAlias, out var semver))
        {
            if (ReadAliases().TryGetValue(versionOrAlias, out var target)) return ReadVersionFile(target);
            throw Unknown($"unknown version or alias '{versionOrAlias}'");
        }
        var name = semver.ToString();
        if (!File.Exists(Path.Combine(_paths.VersionDirectory(name), RegistryPaths.VersionFile)))
            throw Unknown($"unknown version {name}");
        return ReadVersionFile(name);
    }

    private RegistryException Unknown(string what)
    {
        var versions = VersionNames().Select(v => v.ToString()).ToArray();
        var aliases = ReadAliases();
        var known = versions.Length == 0
            ? "no versions are registered yet"
            : $"existing versions: {string.Join(", ", versions.TakeLast(10))}" + (versions.Length > 10 ? $" (and {versions.Length - 10} older)" : "");
        if (aliases.Count > 0) known += $"; aliases: {string.Join(", ", aliases.Select(a => $"{a.Key} -> {a.Value}"))}";
        return new RegistryException($"{what} of pipeline '{Pipeline}'; {known}");
    }

    private IEnumerable<SemanticVersion> VersionNames()
    {
        if (!System.IO.Directory.Exists(_paths.Versions)) return [];
        return System.IO.Directory.EnumerateDirectories(_paths.Versions)
            .Select(Path.GetFileName)
            .Select(n => SemanticVersion.TryParse(n, out var v) && v.ToString() == n ? v : null)
            .OfType<SemanticVersion>()
            .Where(v => File.Exists(Path.Combine(_paths.VersionDirectory(v.ToString()), RegistryPaths.VersionFile)))
            .Order();
    }

    private ModelVersion ReadVersionFile(string version)
    {
        var path = Path.Combine(_paths.VersionDirectory(version), RegistryPaths.VersionFile);
        if (!File.Exists(path))
            throw new RegistryException($"{_paths.Display(path)} does not exist; an alias or history entry names a version that is not in the registry");
        return SealedJson.ReadFile<ModelVersion>(path, _paths.Display(path));
    }

    private PipelineLock Lock() => PipelineLock.Acquire(_paths.Lock, _paths.Display(_paths.Lock), _options.LockTimeout);

    private void CleanStaleTemps()
    {
        using var held = PipelineLock.TryAcquire(_paths.Lock);
        if (held is null) return; // a writer is active: its temp files are not stale
        foreach (var dir in new[] { _paths.Pipeline, _paths.Versions })
        {
            foreach (var stale in System.IO.Directory.EnumerateDirectories(dir, RegistryPaths.TempPrefix + "*"))
                System.IO.Directory.Delete(stale, recursive: true);
            foreach (var stale in System.IO.Directory.EnumerateFiles(dir, RegistryPaths.TempPrefix + "*"))
                File.Delete(stale);
        }
    }
}
