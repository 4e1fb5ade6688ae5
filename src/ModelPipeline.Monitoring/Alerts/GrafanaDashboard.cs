using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.Monitoring;

/// <summary>
/// A Grafana dashboard (JSON model, Prometheus data source picked by the ${datasource} variable) for one pipeline:
/// request rate by status, p50/p99 latency, prediction mix per class, drift statistic per feature, dataset drift and
/// anomaly rate. Written to monitoring/&lt;pipeline&gt;.dashboard.json.
/// </summary>
public static class GrafanaDashboard
{
    public static string Render(string pipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        var p = $"pipeline=\"{pipeline}\"";
        var route = $"{p},route=\"/invocations\"";
        var panels = new JsonArray
        {
            Panel(1, "Requests per second by status", "timeseries", 0, 0, "reqps",
                ($"sum by (status) (rate(modelpipeline_requests_total{{{route}}}[5m]))", "{{status}}")),
            Panel(2, "Latency of /invocations", "timeseries", 12, 0, "s",
                ($"histogram_quantile(0.5, sum by (le) (rate(modelpipeline_request_duration_seconds_bucket{{{route}}}[5m])))", "p50"),
                ($"histogram_quantile(0.99, sum by (le) (rate(modelpipeline_request_duration_seconds_bucket{{{route}}}[5m])))", "p99")),
            Panel(3, "Prediction mix", "timeseries", 0, 8, "percentunit",
                ($"sum by (class) (rate(modelpipeline_predictions_total{{{p}}}[15m])) / ignoring(class) group_left sum(rate(modelpipeline_predictions_total{{{p}}}[15m]))", "{{class}}")),
            Panel(4, "Drift per feature (last Monitor run)", "bargauge", 12, 8, "none",
                ($"max by (feature, method) (modelpipeline_feature_drift{{{p}}})", "{{feature}} ({{method}})")),
            Panel(5, "Dataset drift / retrain recommended", "stat", 0, 16, "none",
                ($"max(modelpipeline_dataset_drift{{{p}}})", "dataset drift"),
                ($"max(modelpipeline_retrain_recommended{{{p}}})", "retrain recommended")),
            Panel(6, "Anomaly rate vs reference", "timeseries", 12, 16, "percentunit",
                ($"max(modelpipeline_anomaly_rate{{{p}}})", "current"),
                ($"max(modelpipeline_anomaly_reference_rate{{{p}}})", "reference")),
        };
        var dashboard = new JsonObject
        {
            ["uid"] = $"modelpipeline-{pipeline}",
            ["title"] = $"ModelPipeline: {pipeline}",
            ["tags"] = new JsonArray("modelpipeline", pipeline),
            ["timezone"] = "utc",
            ["schemaVersion"] = 39,
            ["version"] = 1,
            ["refresh"] = "30s",
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject
                {
                    ["name"] = "datasource",
                    ["type"] = "datasource",
                    ["query"] = "prometheus",
                    ["label"] = "Prometheus",
                }),
            },
            ["panels"] = panels,
        };
        return dashboard.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Panel(int id, string title, string type, int x, int y, string unit, params (string Expr, string Legend)[] queries)
    {
        var targets = new JsonArray();
        var refId = 'A';
        foreach (var (expr, legend) in queries)
        {
            targets.Add(new JsonObject
            {
                ["refId"] = (refId++).ToString(),
                ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "${datasource}" },
                ["expr"] = expr,
                ["legendFormat"] = legend,
            });
        }

        return new JsonObject
        {
            ["id"] = id,
            ["title"] = title,
            ["type"] = type,
            ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = "${datasource}" },
            ["gridPos"] = new JsonObject { ["x"] = x, ["y"] = y, ["w"] = 12, ["h"] = 8 },
            ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = unit }, ["overrides"] = new JsonArray() },
            ["targets"] = targets,
        };
    }
}
