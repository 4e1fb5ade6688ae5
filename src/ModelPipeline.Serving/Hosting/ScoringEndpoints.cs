using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelPipeline.Data;
using ModelPipeline.Serving.Input;
using ModelPipeline.Serving.Logging;
using ModelPipeline.Serving.Metrics;
using ModelPipeline.Serving.Model;
using ModelPipeline.Serving.Output;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Hosting;

/// <summary>
/// Every route of the server in one terminal handler (no routing middleware on the hot path): times each request,
/// counts it in the metrics and writes its log line, whatever the outcome.
/// </summary>
internal sealed class ScoringEndpoints(ServedModel served, ServerOptions options, ServerMetrics metrics, RequestLog log, PredictionLog? predictionLog)
{
    private const string Json = "application/json";
    private const string Csv = "text/csv";

    /// <summary>Below this many rows a request is scored on the request's thread; above, on all cores.</summary>
    private const int ParallelRows = 4096;

    /// <summary>Bodies from this size on give their memory back to the system once answered.</summary>
    private const long LargeBodyBytes = 8L * 1024 * 1024;

    private readonly InputCatalog _catalog = new(served.Schema);
    private readonly ClassLabels _labels = new(served.Schema.Classes);
    private readonly byte[] _model = JsonSerializer.SerializeToUtf8Bytes(ModelDescription.Of(served), ServingJsonContext.Readable.ModelDescription);
    private readonly byte[] _health = JsonSerializer.SerializeToUtf8Bytes(
        new VersionDescription(ServerVersion, served.Manifest.Pipeline, served.Manifest.Version, served.Manifest.Sha256), ServingJsonContext.Readable.VersionDescription);

    public static string ServerVersion { get; } =
        $"ModelPipeline.Serving {typeof(ScoringEndpoints).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? "/";
        var route = ServerMetrics.RouteIndex(path);
        var rows = 0;
        try
        {
            rows = await DispatchAsync(context, route).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            log.Info($"error {context.Request.Method} {path}: {e.GetType().Name}: {e.Message}");
            context.Response.Clear();
            await ErrorAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.InternalError, $"The server failed to answer: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            var elapsed = Stopwatch.GetTimestamp() - started;
            var status = context.Response.StatusCode;
            metrics.RecordRequest(route, status, elapsed);
            log.Request(context.Request.Method, path, status, elapsed * 1000.0 / Stopwatch.Frequency, rows);
        }
    }

    private async Task<int> DispatchAsync(HttpContext context, int route)
    {
        var method = context.Request.Method;
        var isGet = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        switch (ServerMetrics.Routes[route])
        {
            case "/invocations" when HttpMethods.IsPost(method):
                return await InvocationsAsync(context).ConfigureAwait(false);
            case "/ping" when isGet:
                await ResponseBody.WriteAsync(context, 200, "text/plain; charset=utf-8", "\n"u8).ConfigureAwait(false);
                return 0;
            case "/health" or "/version" when isGet:
                await ResponseBody.WriteAsync(context, 200, Json, _health).ConfigureAwait(false);
                return 0;
            case "/model" when isGet:
                await ResponseBody.WriteAsync(context, 200, Json, _model).ConfigureAwait(false);
                return 0;
            case "/metrics" when isGet:
                await ResponseBody.WriteAsync(context, 200, PrometheusText.ContentType, System.Text.Encoding.UTF8.GetBytes(metrics.Render())).ConfigureAwait(false);
                return 0;
            case "other":
                await ErrorAsync(context, 404, ErrorCodes.EndpointNotFound,
                    $"No route {context.Request.Path}. Routes: POST /invocations, GET /ping, /health, /version, /model, /metrics.").ConfigureAwait(false);
                return 0;
            default:
                context.Response.Headers.Allow = route == 0 ? "POST" : "GET, HEAD";
                await ErrorAsync(context, 405, ErrorCodes.BadRequest, $"{method} is not allowed on {context.Request.Path}; use {context.Response.Headers.Allow}.").ConfigureAwait(false);
                return 0;
        }
    }

    private async Task<int> InvocationsAsync(HttpContext context)
    {
        var request = context.Request;
        var mediaType = MediaType(request.ContentType, out var charset);
        if (mediaType is not (Json or Csv) || charset is not (null or "utf-8" or "utf8"))
        {
            await ErrorAsync(context, 415, ErrorCodes.BadRequest,
                $"This predictor only supports the following content types: ['text/csv', 'application/json'] in UTF-8. Got '{request.ContentType}'.").ConfigureAwait(false);
            return 0;
        }

        if (request.ContentLength > options.MaxBodyBytes)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
            return 0;
        }

        var reader = request.BodyReader;
        ReadResult read;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                if (read.Buffer.Length > options.MaxBodyBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    await TooLargeAsync(context).ConfigureAwait(false);
                    return 0;
                }

                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context).ConfigureAwait(false);
            return 0;
        }

        var bodyBytes = read.Buffer.Length;
        try
        {
            Frame inputs;
            Predictions predictions;
            Attributions? attributions = null;
            try
            {
                var explain = false;
                inputs = mediaType == Json ? JsonScoringRequest.Read(read.Buffer, _catalog, out explain) : CsvScoringRequest.Read(read.Buffer, _catalog);
                var threads = inputs.RowCount >= ParallelRows ? (int?)null : 1;
                predictions = served.Model.Predict(inputs, threads);
                if (explain)
                {
                    attributions = served.Model.Explain(inputs, threads);
                }
            }
            catch (ExplanationUnavailableException e)
            {
                await ErrorAsync(context, 400, ErrorCodes.InvalidParameterValue, $"'params.explain' cannot be answered: {e.Message}.").ConfigureAwait(false);
                return 0;
            }
            catch (ScoringInputException e)
            {
                await ErrorAsync(context, e.StatusCode, e.ErrorCode, e.Message).ConfigureAwait(false);
                return 0;
            }
            catch (ModelSchemaException e)
            {
                await ErrorAsync(context, 400, ErrorCodes.InvalidParameterValue, e.Message).ConfigureAwait(false);
                return 0;
            }
            finally
            {
                reader.AdvanceTo(read.Buffer.End);
            }

            metrics.RecordScored(inputs, predictions);
            if (predictionLog is { } predictionLogger && predictionLogger.ShouldSample())
            {
                predictionLogger.Append(inputs, predictions, _labels);
            }

            await ResponseBody.WriteAsync(context, 200, Json, buffer => ScoringResponse.Write(buffer, predictions, _labels, attributions)).ConfigureAwait(false);
            return predictions.RowCount;
        }
        finally
        {
            if (bodyBytes >= LargeBodyBytes)
            {
                // A large body leaves hundreds of MiB of garbage (the body, its parsed form, the rows): give it back to
                // the system now rather than hold it until enough small requests make the GC run.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
        }
    }

    private Task TooLargeAsync(HttpContext context)
    {
        context.Response.Headers.Connection = "close";
        return ErrorAsync(context, 413, ErrorCodes.ResourceLimitExceeded,
            $"The request body is larger than the server's limit of {options.MaxBodyBytes} bytes (--max-body-bytes / MAX_BODY_BYTES); send fewer rows per request.");
    }

    private static Task ErrorAsync(HttpContext context, int status, string errorCode, string message) =>
        ResponseBody.WriteAsync(context, status, Json, buffer => ErrorResponse.Write(buffer, errorCode, message));

    /// <summary>"application/json; charset=UTF-8" → "application/json" and charset "utf-8" (both lower case).</summary>
    private static string? MediaType(string? contentType, out string? charset)
    {
        charset = null;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var parameter in parts.AsSpan(1))
        {
            var eq = parameter.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && parameter[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset = parameter[(eq + 1)..].Trim().Trim('"').ToLowerInvariant();
            }
        }

        return parts.Length == 0 ? null : parts[0].ToLowerInvariant();
    }
}
