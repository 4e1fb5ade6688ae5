using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ModelPipeline.Definitions.Reading;

/// <summary>
/// A canonical text of a validated definition (every key, defaults filled, maps sorted, numbers in
/// round-trip form) and its sha256: formatting, comments and key order do not change it.
/// </summary>
internal static class CanonicalForm
{
    public static string Hash(PipelineDefinition d) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(d))));

    public static string Text(PipelineDefinition d)
    {
        var lines = new List<string>
        {
            $"name={d.Name}",
            $"description={Quote(d.Description)}",
            $"task={d.Task}",
            $"data.files={List(d.Data.Files)}",
            $"data.label={Quote(d.Data.Label)}",
            $"data.positive_class={(d.Data.PositiveClass is null ? "~" : Quote(d.Data.PositiveClass))}",
            $"data.columns={Map(d.Data.Columns, k => k.ToString())}",
            $"data.ignore={List(d.Data.Ignore)}",
            $"data.missing={List(d.Data.Missing)}",
            $"split={Number(d.Split.Holdout)},{d.Split.Seed},{d.Split.Stratify}",
            $"features={d.Features.NumericImpute},{d.Features.CategoricalImpute},{d.Features.Scale},{d.Features.MaxCategories}",
            $"trainer.type={d.Trainer.Type}",
            $"trainer.params={Map(d.Trainer.Params, Value)}",
        };
        if (d.Trainer.Name is not null || d.Trainer.Estimator is not null)
        {
            lines.Add($"trainer.mlnet={Quote(d.Trainer.Name ?? "")},{Quote(d.Trainer.Estimator ?? "")}");
        }

        if (d.Trainer.IsExternal)
        {
            lines.Add($"trainer.external={Quote(d.Trainer.Path ?? "")},{Quote(d.Trainer.Command ?? "")},{Number(d.Trainer.TimeoutSeconds)}");
        }

        if (d.Search is { } s)
        {
            lines.Add($"search={s.Strategy},{s.Folds},{s.Trials},{Number(s.MaxSeconds)},{s.Parallelism}");
            lines.Add($"search.space={Map(s.Space, Dimension)}");
        }

        var g = d.Gate;
        lines.Add($"gate={g.PrimaryMetric},{Number(g.MinImprovement)},{Number(g.MinRelativeImprovement)},{g.FailOnReject}");
        lines.Add($"gate.thresholds={string.Join(";", g.Thresholds.OrderBy(t => t.Metric, StringComparer.Ordinal).Select(t => t.ToString()))}");
        lines.Add($"gate.guards={Map(g.Guards, Number)}");
        if (g.Significance is { } sig)
        {
            lines.Add($"gate.significance={sig.Test},{Number(sig.Level)},{sig.Resamples}");
        }

        // The first field was container.image, a key that named nothing and is gone; its default (the pipeline's
        // name) stays, so the hashes of pipelines that never set it do not change (and they do not retrain for it).
        lines.Add($"container={Quote(d.Name)},{Quote(d.Container.Base)},{d.Container.Port},{Quote(d.Container.Dockerfile)}");
        lines.Add($"push={Quote(d.Push.Registry)},{Quote(d.Push.Repository)},{string.Join(";", d.Push.Tags)}");
        var m = d.Monitor;
        lines.Add($"monitor={Number(m.DriftShare)},{m.RetrainOnDrift},{(m.Decay is { } decay ? $"{decay.Metric}:{Number(decay.MaxDrop)}" : "~")}");
        lines.Add($"monitor.features={Map(m.Features, r => $"{r.Method}:{(r.Threshold is { } t ? Number(t) : "~")}")}");
        if (d.Schedule is { } schedule)
        {
            lines.Add($"schedule={schedule.Cron}");
        }

        return string.Join("\n", lines);
    }

    private static string Value(ParameterValue v) =>
        v.AsNumber() is { } n ? Number(n) : v.AsBoolean() is { } b ? b.ToString() : Quote(v.Text);

    private static string Dimension(SearchDimension d) =>
        d.Values is { } values
            ? "[" + string.Join(",", values.Select(Value)) + "]"
            : $"{{{Number(d.Min ?? 0)}..{Number(d.Max ?? 0)},log={d.Log}}}";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    private static string List(IEnumerable<string> items) => "[" + string.Join(",", items.Select(Quote)) + "]";

    private static string Map<T>(IEnumerable<KeyValuePair<string, T>> map, Func<T, string> format) =>
        "{" + string.Join(",", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{Quote(e.Key)}:{format(e.Value)}")) + "}";
}
