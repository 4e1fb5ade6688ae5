namespace ModelPipeline.Targets;

/// <summary>
/// A normalized absolute file-system path. Relative parameter values are resolved against the working directory.
/// Combine with <c>/</c>: <c>RootDirectory / "artifacts" / "metrics.json"</c>.
/// </summary>
public sealed record AbsolutePath
{
    /// <summary>Creates a path; <paramref name="path"/> must be absolute.</summary>
    public AbsolutePath(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"Path '{path}' is not absolute.", nameof(path));
        }

        Value = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
    }

    /// <summary>The full path text.</summary>
    public string Value { get; }

    /// <summary>The last segment (file or folder name).</summary>
    public string Name => Path.GetFileName(Value);

    /// <summary>The containing folder, or null at the file-system root.</summary>
    public AbsolutePath? Parent => Path.GetDirectoryName(Value) is { } parent ? new AbsolutePath(parent) : null;

    /// <summary>Whether a file or folder exists at this path.</summary>
    public bool Exists => File.Exists(Value) || Directory.Exists(Value);

    /// <summary>Resolves <paramref name="path"/> against <paramref name="baseDirectory"/> unless it is already absolute.</summary>
    public static AbsolutePath Resolve(string path, string baseDirectory) =>
        new(Path.IsPathFullyQualified(path) ? path : Path.Combine(baseDirectory, path));

    /// <summary>Appends a relative segment (forward or back slashes allowed).</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right) =>
        new(Path.Combine(left.Value, right.Replace('\\', '/')));

    /// <summary>The path text, so an <see cref="AbsolutePath"/> can be passed wherever a string is expected.</summary>
    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}
