using System.Globalization;
using System.Text;

namespace ModelPipeline.Registry;

/// <summary>Renders a <see cref="VersionDiff"/> as Markdown or plain text.</summary>
internal static class VersionDiffText
{
    public static string Markdown(VersionDiff diff)
    {
        var s = new StringBuilder();
        s.Append($"### {diff.To.Pipeline}: {diff.From.Version} → {diff.To.Version}\n\n");
        s.Append("| metric | ").Append(diff.From.Version).Append(" | ").Append(diff.To.Version).Append(" | Δ |\n|---|---:|---:|---:|\n");
        foreach (var m in diff.Metrics)
            s.Append($"| {Escape(m.Name)} | {Number(m.From)} | {Number(m.To)} | {Delta(m.Delta)} |\n");
        if (diff.Metrics.Count == 0) s.Append("| (no metrics) | | | |\n");
        if (diff.Parameters.Count > 0)
        {
            s.Append("\n| parameter | ").Append(diff.From.Version).Append(" | ").Append(diff.To.Version).Append(" |\n|---|---|---|\n");
            foreach (var p in diff.Parameters)
                s.Append($"| {Escape(p.Name)} | {Code(p.From)} | {Code(p.To)} |\n");
        }
        if (diff.Lineage.Count > 0)
        {
            s.Append("\n| lineage | ").Append(diff.From.Version).Append(" | ").Append(diff.To.Version).Append(" |\n|---|---|---|\n");
            foreach (var l in diff.Lineage)
                s.Append($"| {Escape(l.Field)} | {Code(Short(l.From))} | {Code(Short(l.To))} |\n");
        }
        return s.ToString();
    }

    public static string Plain(VersionDiff diff)
    {
        var s = new StringBuilder();
        s.Append($"{diff.To.Pipeline}: {diff.From.Version} -> {diff.To.Version}\n\n");
        var metrics = new PlainTable("metric", diff.From.Version, diff.To.Version, "delta");
        foreach (var m in diff.Metrics) metrics.Add(m.Name, Number(m.From), Number(m.To), Delta(m.Delta));
        s.Append(metrics.Render());
        if (diff.Parameters.Count > 0)
        {
            var parameters = new PlainTable("parameter", diff.From.Version, diff.To.Version);
            foreach (var p in diff.Parameters) parameters.Add(p.Name, p.From ?? "-", p.To ?? "-");
            s.Append('\n').Append(parameters.Render());
        }
        if (diff.Lineage.Count > 0)
        {
            var lineage = new PlainTable("lineage", diff.From.Version, diff.To.Version);
            foreach (var l in diff.Lineage) lineage.Add(l.Field, Short(l.From) ?? "-", Short(l.To) ?? "-");
            s.Append('\n').Append(lineage.Render());
        }
        return s.ToString();
    }

    internal static string Number(double? value) =>
        value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Delta(double? value) =>
        value is { } v ? (v >= 0 ? "+" : "") + v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string? Short(string? hash) =>
        hash is { Length: 64 } && hash.All(char.IsAsciiHexDigit) ? hash[..12] : hash;

    private static string Code(string? value) => value is null ? "—" : $"`{value.Replace("`", "'", StringComparison.Ordinal)}`";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
