namespace ModelPipeline.Registry;

public sealed partial class ModelRegistry
{
    /// <summary>Compares two versions or aliases (e.g. <c>Diff("champion", "1.3.0")</c>).</summary>
    public VersionDiff Diff(string from, string to) => VersionDiff.Between(GetVersion(from), GetVersion(to));

    /// <summary>
    /// A plain-text table of all versions, newest first: version, created (UTC), aliases, the given metrics
    /// (default: up to three metrics of the latest version, by name) and trigger.
    /// </summary>
    public string ListTable(IReadOnlyList<string>? metrics = null)
    {
        var versions = ListVersions();
        if (versions.Count == 0) return $"{Pipeline}: no versions registered yet\n";
        metrics ??= versions[^1].Metrics.Keys.Order(StringComparer.Ordinal).Take(3).ToArray();
        var aliases = ReadAliases().GroupBy(a => a.Value).ToDictionary(g => g.Key, g => string.Join(",", g.Select(a => a.Key)));
        var table = new PlainTable(["version", "created", "aliases", .. metrics, "trigger"]);
        foreach (var v in versions.Reverse())
        {
            table.Add([
                v.Version,
                v.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                aliases.GetValueOrDefault(v.Version, "-"),
                .. metrics.Select(m => VersionDiffText.Number(v.Metrics.TryGetValue(m, out var x) ? x : null)),
                RegistryJsonNames.Trigger(v.Trigger),
            ]);
        }
        return table.Render();
    }
}
