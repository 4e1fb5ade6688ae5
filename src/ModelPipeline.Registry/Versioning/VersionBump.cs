namespace ModelPipeline.Registry;

/// <summary>
/// The semantic-version rule: first version 1.0.0; schema hash or task changed -> major;
/// data hash changed -> minor; only config hash changed -> patch; nothing changed -> <see cref="IsUnchanged"/>.
/// </summary>
public sealed record VersionBump(VersionBumpKind Kind, string Reason)
{
    /// <summary>True when nothing relevant changed: the caller skips registering a new version.</summary>
    public bool IsUnchanged => Kind == VersionBumpKind.None;

    /// <summary>Decides the bump from the lineage of the latest version (null when there is none) to the new lineage.</summary>
    public static VersionBump Decide(Lineage? previous, Lineage next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (previous is null) return new(VersionBumpKind.Initial, "first version");

        var changes = new List<string>();
        var kind = VersionBumpKind.None;
        if (!string.Equals(previous.Task, next.Task, StringComparison.Ordinal))
        {
            changes.Add($"task changed ({previous.Task} -> {next.Task})");
            kind = VersionBumpKind.Major;
        }
        if (!SameHash(previous.SchemaHash, next.SchemaHash))
        {
            changes.Add($"schema changed ({Short(previous.SchemaHash)} -> {Short(next.SchemaHash)})");
            kind = VersionBumpKind.Major;
        }
        if (!SameHash(previous.DataHash, next.DataHash))
        {
            changes.Add($"data changed ({Short(previous.DataHash)} -> {Short(next.DataHash)})");
            if (kind < VersionBumpKind.Minor) kind = VersionBumpKind.Minor;
        }
        if (!SameHash(previous.ConfigHash, next.ConfigHash))
        {
            changes.Add($"config changed ({Short(previous.ConfigHash)} -> {Short(next.ConfigHash)})");
            if (kind < VersionBumpKind.Patch) kind = VersionBumpKind.Patch;
        }
        return kind == VersionBumpKind.None
            ? new(kind, "data, config and schema unchanged")
            : new(kind, string.Join("; ", changes));
    }

    /// <summary>
    /// The version this bump produces after <paramref name="latest"/> (null when there is none). For an unchanged
    /// lineage it is the next patch, the number <see cref="ModelRegistry.Register"/> uses with <see cref="NewVersion.AllowUnchanged"/>.
    /// </summary>
    public SemanticVersion Apply(SemanticVersion? latest) => Kind switch
    {
        VersionBumpKind.Initial => SemanticVersion.Initial,
        _ when latest is null => SemanticVersion.Initial,
        VersionBumpKind.Major => latest.NextMajor(),
        VersionBumpKind.Minor => latest.NextMinor(),
        _ => latest.NextPatch(),
    };

    private static bool SameHash(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
