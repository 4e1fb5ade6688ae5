using System.Globalization;
using System.Text;
using ModelPipeline.Registry;

namespace ModelPipeline.Build;

/// <summary>A version's record as plain text for the terminal, or as Markdown to paste into an issue or PR.</summary>
internal static class VersionText
{
    public static string Describe(ModelVersion version, IReadOnlyDictionary<string, string> aliases, IReadOnlyList<AliasMove> history)
    {
        var text = new StringBuilder();
        var names = aliases.Where(a => a.Value == version.Version).Select(a => a.Key).ToArray();
        text.AppendLine($"{version.Pipeline} {version.Version}{(names.Length > 0 ? $" ({string.Join(", ", names)})" : "")}");
        text.AppendLine($"  created   {version.CreatedUtc:yyyy-MM-dd HH:mm:ss}Z by {version.Trigger.ToString().ToLowerInvariant()}, run {version.RunId}");
        text.AppendLine($"  trainer   {version.Trainer}; parent {version.ParentVersion ?? "none"}; {version.BumpReason}");
        text.AppendLine($"  model     sha256 {version.Sha256} ({version.Size:N0} bytes, verified)");
        text.AppendLine($"  data      {version.Lineage.DataHash}");
        foreach (var file in version.Lineage.DataFiles)
        {
            text.AppendLine($"            {file.Name} sha256 {file.Sha256} ({file.Bytes:N0} bytes)");
        }

        text.AppendLine($"  config    {version.Lineage.ConfigHash}; schema {version.Lineage.SchemaHash}; git {version.Lineage.GitCommit ?? "none"}");
        if (version.Lineage.TrackingRuns is { Count: > 0 } runs)
        {
            text.AppendLine("  tracking  " + string.Join(", ", runs.Select(r => $"{r.Key}={r.Value}")));
        }

        text.AppendLine("  metrics   " + string.Join(", ", version.Metrics.Select(m => $"{m.Key} {m.Value.ToString("0.0000", CultureInfo.InvariantCulture)}")));
        text.AppendLine("  params    " + string.Join(", ", version.Parameters.Select(p => $"{p.Key}={p.Value}")));
        var moves = history.Where(m => m.From == version.Version || m.To == version.Version).ToArray();
        if (moves.Length > 0)
        {
            text.AppendLine("  history");
            foreach (var move in moves)
            {
                text.AppendLine($"            {move.Time:yyyy-MM-dd HH:mm:ss}Z {move.Alias}: {move.From ?? "none"} -> {move.To} by {move.Actor}: {move.Reason}");
            }
        }

        return text.ToString();
    }

    public static string Markdown(ModelVersion version, IReadOnlyDictionary<string, string> aliases, IReadOnlyList<AliasMove> history)
    {
        var text = new StringBuilder();
        var names = aliases.Where(a => a.Value == version.Version).Select(a => a.Key).ToArray();
        text.Append($"### {version.Pipeline} {version.Version}{(names.Length > 0 ? $" ({string.Join(", ", names)})" : "")}\n\n");
        text.Append("| | |\n|---|---|\n");
        text.Append($"| created | {version.CreatedUtc:yyyy-MM-dd HH:mm:ss}Z by {version.Trigger.ToString().ToLowerInvariant()}, run `{version.RunId}` |\n");
        text.Append($"| trainer | {Cell(version.Trainer)}; parent {version.ParentVersion ?? "none"}; {Cell(version.BumpReason)} |\n");
        text.Append($"| model | sha256 `{version.Sha256}` ({version.Size:N0} bytes, verified) |\n");
        text.Append($"| data | `{version.Lineage.DataHash}` |\n");
        foreach (var file in version.Lineage.DataFiles)
        {
            text.Append($"| {Cell(file.Name)} | sha256 `{file.Sha256}` ({file.Bytes:N0} bytes) |\n");
        }

        text.Append($"| config | `{version.Lineage.ConfigHash}` |\n| schema | `{version.Lineage.SchemaHash}` |\n| git | `{version.Lineage.GitCommit ?? "none"}` |\n");
        foreach (var (name, value) in version.Lineage.TrackingRuns ?? new Dictionary<string, string>())
        {
            text.Append($"| {Cell(name)} | `{value}` |\n");
        }

        text.Append("\n| metric | value |\n|---|---:|\n");
        foreach (var (name, value) in version.Metrics)
        {
            text.Append($"| {Cell(name)} | {value.ToString("0.0000", CultureInfo.InvariantCulture)} |\n");
        }

        if (version.Parameters.Count > 0)
        {
            text.Append("\n| parameter | value |\n|---|---|\n");
            foreach (var (name, value) in version.Parameters)
            {
                text.Append($"| {Cell(name)} | `{Cell(value)}` |\n");
            }
        }

        var moves = history.Where(m => m.From == version.Version || m.To == version.Version).ToArray();
        if (moves.Length > 0)
        {
            text.Append("\n| time | alias | move | by | reason |\n|---|---|---|---|---|\n");
            foreach (var move in moves)
            {
                text.Append($"| {move.Time:yyyy-MM-dd HH:mm:ss}Z | {Cell(move.Alias)} | {move.From ?? "none"} → {move.To} | {Cell(move.Actor)} | {Cell(move.Reason)} |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Text safe inside a Markdown table cell: pipes escaped, line breaks as spaces.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace("\r", "", StringComparison.Ordinal);
}
