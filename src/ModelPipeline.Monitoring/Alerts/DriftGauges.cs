using System.Globalization;
using System.Text;

namespace ModelPipeline.Monitoring;

/// <summary>
/// The last Monitor run as Prometheus gauges in text format (artifacts/&lt;pipeline&gt;/drift.prom), for
/// node_exporter's textfile collector or a Pushgateway; the alert rules and dashboard read these names.
/// </summary>
public static class DriftGauges
{
    public static string Render(string pipeline, string version, DriftResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var labels = $"pipeline=\"{Escape(pipeline)}\",model_version=\"{Escape(version)}\"";
        var text = new StringBuilder();
        Gauge(text, "modelpipeline_dataset_drift", "1 when the share of drifted features reached monitor.drift_share.", labels, result.DatasetDrift ? 1 : 0);
        Gauge(text, "modelpipeline_drift_share", "Share of features that drifted.", labels, result.DriftShare);
        Gauge(text, "modelpipeline_retrain_recommended", "1 when drift or decay passed its threshold.", labels, result.RetrainRecommended ? 1 : 0);
        text.Append("# HELP modelpipeline_feature_drift Drift statistic per feature (p-value for ks/chi2, distance otherwise).\n# TYPE modelpipeline_feature_drift gauge\n");
        foreach (var feature in result.Features.Append(result.Prediction))
        {
            text.Append(CultureInfo.InvariantCulture, $"modelpipeline_feature_drift{{{labels},feature=\"{Escape(feature.Name)}\",method=\"{feature.Test.ToString().ToLowerInvariant()}\",drifted=\"{(feature.Drifted ? 1 : 0)}\"}} {N(feature.Statistic)}\n");
        }

        if (result.Anomalies is { } anomalies)
        {
            Gauge(text, "modelpipeline_anomaly_rate", "Share of current rows above the reference anomaly threshold.", labels, anomalies.Rate);
            Gauge(text, "modelpipeline_anomaly_reference_rate", "Share of reference holdout rows above the anomaly threshold.", labels, anomalies.ReferenceRate);
        }

        return text.ToString();
    }

    private static void Gauge(StringBuilder text, string name, string help, string labels, double value) =>
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name}{{{labels}}} {N(value)}\n");

    private static string N(double value) => double.IsNaN(value) ? "NaN" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
