namespace ModelPipeline.Registry;

/// <summary>The on-disk layout of one pipeline under the models root.</summary>
internal sealed class RegistryPaths
{
    public const string TempPrefix = ".tmp-";
    public const string ModelFile = "model.bin";
    public const string VersionFile = "version.json";

    public RegistryPaths(string root, string pipeline)
    {
        Root = Path.GetFullPath(root);
        Pipeline = Path.Combine(Root, pipeline);
        Versions = Path.Combine(Pipeline, "versions");
        Aliases = Path.Combine(Pipeline, "aliases.json");
        History = Path.Combine(Pipeline, "history.jsonl");
        Decisions = Path.Combine(Pipeline, "decisions.jsonl");
        Lock = Path.Combine(Pipeline, ".lock");
        DisplayRoot = Path.GetFileName(Path.TrimEndingDirectorySeparator(Root)) is { Length: > 0 } name ? name : Root;
        Name = pipeline;
    }

    public string Root { get; }
    public string Name { get; }
    public string Pipeline { get; }
    public string Versions { get; }
    public string Aliases { get; }
    public string History { get; }
    public string Decisions { get; }
    public string Lock { get; }

    /// <summary>The models root's folder name, used to show paths as <c>models/churn/...</c>.</summary>
    public string DisplayRoot { get; }

    public string VersionDirectory(string version) => Path.Combine(Versions, version);

    public string Display(string fullPath) =>
        $"{DisplayRoot}/{Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/')}";
}
