using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Serving.Model;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Metrics;

/// <summary>
/// Everything <c>GET /metrics</c> reports, counted lock-free (Interlocked). Every series carries the
/// <c>pipeline</c> and <c>model_version</c> labels; <c>modelpipeline_model_info</c> adds the sha256.
/// </summary>
internal sealed class ServerMetrics
{
    /// <summary>The route label values; anything else is counted as "other".</summary>
    public static readonly string[] Routes = ["/invocations", "/ping", "/health", "/version", "/model", "/metrics", "other"];

    private const int StatusSlots = 600;
    private static readonly double[] DurationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _requests = new long[Routes.Length * StatusSlots];
    private readonly Histogram[] _durations;
    private readonly FeatureStatistics _features;
    private readonly PredictionStatistics _predictions;
    private readonly string _modelLabels;
    private readonly string _infoLabels;
    private long _rowsScored;

    public ServerMetrics(ServedModel served)
    {
        _durations = [.. Routes.Select(_ => new Histogram(DurationBuckets))];
        _features = new FeatureStatistics(served.Schema.Inputs);
        _predictions = new PredictionStatistics(served.Schema);
        _modelLabels = $"{PrometheusText.Label("pipeline", served.Manifest.Pipeline)},{PrometheusText.Label("model_version", served.Manifest.Version)}";
        _infoLabels = $"{_modelLabels},{PrometheusText.Label("sha256", served.Manifest.Sha256)},{PrometheusText.Label("task", served.Schema.Task.ToString().ToLowerInvariant())}";
    }

    public static int RouteIndex(string path)
    {
        for (var i = 0; i < Routes.Length - 1; i++)
        {
            if (string.Equals(path, Routes[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return Routes.Length - 1;
    }

    public void RecordRequest(int route, int status, long elapsedTimestamp)
    {
        Interlocked.Increment(ref _requests[(route * StatusSlots) + Math.Clamp(status, 0, StatusSlots - 1)]);
        _durations[route].Observe(elapsedTimestamp / (double)Stopwatch.Frequency);
    }

    public void RecordScored(Frame inputs, Predictions predictions)
    {
        Interlocked.Add(ref _rowsScored, predictions.RowCount);
        _features.Observe(inputs);
        _predictions.Observe(predictions);
    }

    public string Render()
    {
        var text = new PrometheusText();
        text.Family("modelpipeline_model_info", "gauge", "The model being served (always 1).");
        text.Sample("modelpipeline_model_info", _infoLabels, 1L);
        text.Family("modelpipeline_requests_total", "counter", "HTTP requests by route and status code.");
        for (var route = 0; route < Routes.Length; route++)
        {
            for (var status = 0; status < StatusSlots; status++)
            {
                var count = Volatile.Read(ref _requests[(route * StatusSlots) + status]);
                if (count > 0)
                {
                    text.Sample("modelpipeline_requests_total", $"{_modelLabels},{RouteLabels(route)},status=\"{status}\"", count);
                }
            }
        }

        text.Family("modelpipeline_request_duration_seconds", "histogram", "Time from request start to response end, by route.");
        for (var route = 0; route < Routes.Length; route++)
        {
            _durations[route].Write(text, "modelpipeline_request_duration_seconds", $"{_modelLabels},{RouteLabels(route)}");
        }

        text.Family("modelpipeline_rows_scored_total", "counter", "Rows scored by POST /invocations.");
        text.Sample("modelpipeline_rows_scored_total", _modelLabels, Volatile.Read(ref _rowsScored));
        _predictions.Write(text, _modelLabels);
        _features.Write(text, _modelLabels);
        return text.ToString();
    }

    private static string RouteLabels(int route) => PrometheusText.Label("route", Routes[route]);
}
