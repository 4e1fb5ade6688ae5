using ModelPipeline.Definitions;
using ModelPipeline.Monitoring;

namespace ModelPipeline.Build;

/// <summary>
/// The generated monitoring files of every pipeline under pipelines/: Prometheus alert rules
/// (monitoring/&lt;name&gt;.rules.yml) and a Grafana dashboard (monitoring/&lt;name&gt;.dashboard.json).
/// One source for GenerateMonitoring and for the test that checks the committed files are fresh.
/// </summary>
internal static class MonitoringFiles
{
    public const string Folder = "monitoring";

    /// <summary>(path relative to the root, '/' separators; text) for each pipeline, sorted by pipeline name.</summary>
    public static IReadOnlyList<(string Path, string Text)> For(string root) =>
        PipelineLoader.ListPipelines(root)
            .Order(StringComparer.Ordinal)
            .SelectMany(name => new[]
            {
                ($"{Folder}/{name}.rules.yml", PrometheusAlertRules.Render(name)),
                ($"{Folder}/{name}.dashboard.json", GrafanaDashboard.Render(name)),
            })
            .ToArray();
}
