namespace ModelPipeline.Registry;

/// <summary>What changed from version <see cref="From"/> to <see cref="To"/>: parameters, metrics (with deltas) and lineage.</summary>
public sealed record VersionDiff(
    ModelVersion From,
    ModelVersion To,
    IReadOnlyList<ParameterChange> Parameters,
    IReadOnlyList<MetricDelta> Metrics,
    IReadOnlyList<LineageChange> Lineage)
{
    /// <summary>Compares two versions (every metric of either side; only changed parameters and lineage fields).</summary>
    public static VersionDiff Between(ModelVersion from, ModelVersion to)
    {
        var parameters = from.Parameters.Keys.Union(to.Parameters.Keys).Order(StringComparer.Ordinal)
            .Select(k => new ParameterChange(k, from.Parameters.GetValueOrDefault(k), to.Parameters.GetValueOrDefault(k)))
            .Where(c => c.From != c.To)
            .ToArray();
        var metrics = from.Metrics.Keys.Union(to.Metrics.Keys).Order(StringComparer.Ordinal)
            .Select(k => new MetricDelta(k, Value(from.Metrics, k), Value(to.Metrics, k)))
            .ToArray();
        return new VersionDiff(from, to, parameters, metrics, LineageChanges(from, to));
    }

    /// <summary>A GitHub-flavoured Markdown rendering (for PR comments and job summaries).</summary>
    public string ToMarkdown() => VersionDiffText.Markdown(this);

    /// <summary>A plain-text rendering with aligned columns (for the CLI).</summary>
    public string ToText() => VersionDiffText.Plain(this);

    private static double? Value(IReadOnlyDictionary<string, double> map, string key) =>
        map.TryGetValue(key, out var v) ? v : null;

    private static LineageChange[] LineageChanges(ModelVersion from, ModelVersion to)
    {
        var changes = new List<LineageChange>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) changes.Add(new LineageChange(field, a, b));
        }
        Compare("task", from.Lineage.Task, to.Lineage.Task);
        Compare("schema_hash", from.Lineage.SchemaHash, to.Lineage.SchemaHash);
        Compare("data_hash", from.Lineage.DataHash, to.Lineage.DataHash);
        Compare("config_hash", from.Lineage.ConfigHash, to.Lineage.ConfigHash);
        Compare("git_commit", from.Lineage.GitCommit, to.Lineage.GitCommit);
        Compare("trainer", from.Trainer, to.Trainer);
        var a = from.Lineage.DataFiles.ToDictionary(f => f.Name, f => f.Sha256, StringComparer.Ordinal);
        var b = to.Lineage.DataFiles.ToDictionary(f => f.Name, f => f.Sha256, StringComparer.Ordinal);
        foreach (var name in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            Compare($"data_file {name}", a.GetValueOrDefault(name), b.GetValueOrDefault(name));
        return changes.ToArray();
    }
}
