using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ModelPipeline.Tracking;

/// <summary>
/// A thin client of MLflow's REST API 2.0 (tracking, proxied artifacts, model registry): only the calls ModelPipeline
/// makes, with MLflow's request and answer shapes. Every failure is one <see cref="MLflowException"/> line naming the
/// server and what it answered; the caller decides whether that fails anything.
/// </summary>
public sealed partial class MLflowClient : IDisposable
{
    private const string Api = "api/2.0/mlflow/";

    private readonly HttpClient http;
    private readonly string? authorization;

    /// <param name="trackingUri">The tracking server, <c>http(s)://host:port[/prefix]</c> (what <c>MLFLOW_TRACKING_URI</c> holds).</param>
    /// <param name="credentials">Bearer token or basic user and password, or null.</param>
    /// <param name="timeout">How long one request may take (default 15 s).</param>
    /// <param name="handler">The HTTP handler (tests), or null for the default.</param>
    public MLflowClient(string trackingUri, MLflowCredentials? credentials = null, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        Server = Display(trackingUri);
        if (!Uri.TryCreate(trackingUri, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MLflowException(Server, null, null,
                $"MLflow tracking URI '{Server}' is not an http(s) URL: ModelPipeline logs only to a tracking server (mlflow server), not to a local mlruns folder or databricks");
        }

        var baseUri = new UriBuilder(uri) { UserName = "", Password = "" }.Uri;
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
        http.Timeout = timeout ?? TimeSpan.FromSeconds(15);
        authorization = credentials?.Authorization;
        if (authorization is null && uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            authorization = new MLflowCredentials(null, Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "").Authorization;
        }
    }

    /// <summary>The tracking server as shown in messages: scheme, host, port and path, never user or password.</summary>
    public string Server { get; }

    /// <summary>The experiment's id, creating it when it does not exist (GET experiments/get-by-name, POST experiments/create).</summary>
    public async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellation = default)
    {
        if (await FindExperimentAsync(name, cancellation) is { } found)
        {
            return found;
        }

        try
        {
            var created = await SendAsync(HttpMethod.Post, "experiments/create", new JsonObject { ["name"] = name }, cancellation);
            return Text(created, "experiment_id");
        }
        catch (MLflowException e) when (e.ErrorCode == "RESOURCE_ALREADY_EXISTS")
        {
            // Another writer created it in between.
            if (await FindExperimentAsync(name, cancellation) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    /// <summary>Starts a run (POST runs/create) with a name and tags.</summary>
    public async Task<MLflowRun> CreateRunAsync(string experimentId, string runName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation = default)
    {
        var body = new JsonObject
        {
            ["experiment_id"] = experimentId,
            ["run_name"] = runName,
            ["start_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["tags"] = Pairs(tags.Append(new("mlflow.runName", runName))),
        };
        var answer = await SendAsync(HttpMethod.Post, "runs/create", body, cancellation);
        var info = answer?["run"]?["info"] ?? throw Malformed("POST runs/create", "run.info");
        return new MLflowRun(Text(info, "run_id"), Text(info, "experiment_id"), info["artifact_uri"]?.GetValue<string>() ?? "");
    }

    /// <summary>
    /// Logs parameters, metrics (finite values only, at one timestamp) and tags (POST runs/log-batch), in as many requests as
    /// MLflow's limits ask (100 parameters, 100 tags, 1000 items per request).
    /// </summary>
    public async Task LogBatchAsync(string runId, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double> metrics,
        IReadOnlyDictionary<string, string> tags, CancellationToken cancellation = default)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var metricList = metrics.Where(m => double.IsFinite(m.Value)).ToArray();
        var parameterList = parameters.ToArray();
        var tagList = tags.ToArray();
        for (var (p, m, t) = (0, 0, 0); p < parameterList.Length || m < metricList.Length || t < tagList.Length;)
        {
            var body = new JsonObject { ["run_id"] = runId };
            var parameterChunk = parameterList.Skip(p).Take(100).ToArray();
            var tagChunk = tagList.Skip(t).Take(100).ToArray();
            var metricChunk = metricList.Skip(m).Take(1000 - parameterChunk.Length - tagChunk.Length).ToArray();
            body["params"] = Pairs(parameterChunk);
            body["tags"] = Pairs(tagChunk);
            body["metrics"] = new JsonArray(metricChunk.Select(x => (JsonNode)new JsonObject
            {
                ["key"] = x.Key,
                ["value"] = x.Value,
                ["timestamp"] = timestamp,
                ["step"] = 0,
            }).ToArray());
            await SendAsync(HttpMethod.Post, "runs/log-batch", body, cancellation);
            (p, m, t) = (p + parameterChunk.Length, m + metricChunk.Length, t + tagChunk.Length);
        }
    }

    /// <summary>Sets one tag on a run (POST runs/set-tag).</summary>
    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, "runs/set-tag", new JsonObject { ["run_id"] = runId, ["key"] = key, ["value"] = value }, cancellation);

    /// <summary>Ends a run (POST runs/update) with <c>FINISHED</c>, <c>FAILED</c> or <c>KILLED</c>.</summary>
    public Task FinishRunAsync(string runId, string status = "FINISHED", CancellationToken cancellation = default) =>
        SendAsync(HttpMethod.Post, "runs/update", new JsonObject
        {
            ["run_id"] = runId,
            ["status"] = status,
            ["end_time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        }, cancellation);

    /// <summary>
    /// Uploads one file into a run's artifacts through the server's artifact proxy
    /// (PUT /api/2.0/mlflow-artifacts/artifacts/&lt;experiment&gt;/&lt;run&gt;/artifacts/&lt;path&gt;). Needs a run whose
    /// artifact_uri is <c>mlflow-artifacts:</c> (a server started with artifact serving, MLflow 2.x's default).
    /// </summary>
    public async Task UploadArtifactAsync(MLflowRun run, string path, byte[] bytes, CancellationToken cancellation = default)
    {
        var root = ArtifactRoot(run);
        var relative = string.Join('/', $"{root}/{path}".Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await SendAsync(HttpMethod.Put, "api/2.0/mlflow-artifacts/artifacts/" + relative, content, cancellation);
    }

    /// <summary>The <c>source</c> of a model version made from a run's artifact folder <paramref name="path"/>.</summary>
    public static string ArtifactSource(MLflowRun run, string path) => run.ArtifactUri.TrimEnd('/') + "/" + path.Trim('/');

    public void Dispose() => http.Dispose();

    private async Task<string?> FindExperimentAsync(string name, CancellationToken cancellation)
    {
        try
        {
            var found = await SendAsync(HttpMethod.Get, "experiments/get-by-name?experiment_name=" + Uri.EscapeDataString(name), (JsonNode?)null, cancellation);
            return Text(found?["experiment"], "experiment_id");
        }
        catch (MLflowException e) when (e.ErrorCode == "RESOURCE_DOES_NOT_EXIST")
        {
            return null;
        }
    }

    private string ArtifactRoot(MLflowRun run)
    {
        const string scheme = "mlflow-artifacts:";
        if (!run.ArtifactUri.StartsWith(scheme, StringComparison.Ordinal))
        {
            throw new MLflowException(Server, null, null,
                $"MLflow at {Server}: run {run.RunId} stores artifacts at '{run.ArtifactUri}', not through the server (mlflow-artifacts:); start mlflow server with artifact serving (the default of MLflow 2.x) to receive ModelPipeline's artifacts");
        }

        var rest = run.ArtifactUri[scheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[slash..];
        }

        return rest.Trim('/');
    }

    private static JsonArray Pairs(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray());

    private string Text(JsonNode? node, string property) =>
        node?[property]?.GetValue<string>() ?? throw Malformed("an answer", property);

    private MLflowException Malformed(string request, string property) =>
        new(Server, null, null, $"MLflow at {Server} answered {request} without '{property}': is this an MLflow tracking server?");

    private static string Display(string trackingUri)
    {
        if (Uri.TryCreate(trackingUri, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0)
        {
            return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri.TrimEnd('/');
        }

        return trackingUri.TrimEnd('/');
    }
}
