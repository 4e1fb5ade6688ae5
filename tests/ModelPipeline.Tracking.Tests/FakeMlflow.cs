using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ModelPipeline.Testing;

namespace ModelPipeline.Tracking.Tests;

/// <summary>
/// A loopback stand-in for an MLflow 2.x tracking server with artifact serving and the model registry, answering with the
/// shapes of MLflow's REST API 2.0 reference: experiments get-by-name/create, runs create/log-batch/set-tag/update/get,
/// PUT mlflow-artifacts/artifacts/..., registered-models create/get and alias POST/DELETE, model-versions create/search.
/// Errors are MLflow's bodies, <c>{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": ...}</c> (404) and
/// RESOURCE_ALREADY_EXISTS (400); with <see cref="Token"/> or <see cref="BasicUser"/> set, a request without those
/// credentials gets the 401 text MLflow's basic-auth app answers. Not a real MLflow: nothing here validates what MLflow would
/// (parameter value changes, key characters, run lifecycle), which docs/mlflow.md says.
/// </summary>
public sealed class FakeMlflow : IDisposable
{
    private readonly LoopbackHttpServer http;
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> experiments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> models = new(StringComparer.Ordinal);
    private int nextExperiment = 1;

    public FakeMlflow() => http = new LoopbackHttpServer(Answer);

    public int Port => http.Port;

    public string Uri => $"http://127.0.0.1:{Port}";

    /// <summary>When set, requests must carry <c>Authorization: Bearer</c> this token.</summary>
    public string? Token { get; set; }

    /// <summary>When set (user, password), requests must carry this basic authorization.</summary>
    public (string User, string Password)? BasicUser { get; set; }

    /// <summary>Every request: method, path and query, Authorization header, body (artifacts as their length).</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization, string Body)> Requests { get; } = new();

    /// <summary>Runs by id: <c>info</c> (run_id, experiment_id, run_name, status, artifact_uri) and <c>data</c> (params, metrics, tags as objects).</summary>
    public ConcurrentDictionary<string, JsonObject> Runs { get; } = new();

    /// <summary>Uploaded artifacts by path under the artifact root (<c>&lt;experiment&gt;/&lt;run&gt;/artifacts/report.html</c>).</summary>
    public ConcurrentDictionary<string, byte[]> Artifacts { get; } = new();

    /// <summary>The experiment id of a name, or null.</summary>
    public string? ExperimentId(string name)
    {
        lock (gate)
        {
            return experiments.GetValueOrDefault(name);
        }
    }

    /// <summary>The runs of an experiment by name, in creation order.</summary>
    public IReadOnlyList<JsonObject> RunsOf(string experiment) =>
        Runs.Values.Where(r => r["info"]!["experiment_id"]!.GetValue<string>() == ExperimentId(experiment))
            .OrderBy(r => r["info"]!["start_time"]!.GetValue<long>()).ThenBy(r => r["info"]!["seq"]!.GetValue<int>()).ToArray();

    /// <summary>The version an alias of a registered model names, or null.</summary>
    public string? Alias(string model, string alias)
    {
        lock (gate)
        {
            return models.TryGetValue(model, out var m) ? (string?)m["aliases"]![alias] : null;
        }
    }

    /// <summary>A registered model's versions (model_version objects), or none.</summary>
    public IReadOnlyList<JsonObject> ModelVersions(string model)
    {
        lock (gate)
        {
            return models.TryGetValue(model, out var m) ? m["versions"]!.AsArray().Select(v => v!.DeepClone().AsObject()).ToArray() : [];
        }
    }

    public void Dispose() => http.Dispose();

    private (int Status, string ContentType, byte[] Body) Answer(HttpListenerRequest request)
    {
        var (status, body, type) = Handle(request);
        return (status, type, Encoding.UTF8.GetBytes(body));
    }

    private (int Status, string Body, string Type) Handle(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        request.InputStream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var path = request.Url!.AbsolutePath;
        var isArtifact = path.StartsWith("/api/2.0/mlflow-artifacts/artifacts/", StringComparison.Ordinal);
        var text = isArtifact ? $"<{bytes.Length} bytes>" : Encoding.UTF8.GetString(bytes);
        var authorization = request.Headers["Authorization"];
        Requests.Enqueue((request.HttpMethod, request.Url.PathAndQuery, authorization, text));
        if (!Authorized(authorization))
        {
            return (401, "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.", "text/plain");
        }

        if (isArtifact && request.HttpMethod == "PUT")
        {
            Artifacts[System.Uri.UnescapeDataString(path["/api/2.0/mlflow-artifacts/artifacts/".Length..])] = bytes;
            return (200, "{}", "application/json");
        }

        var json = request.HttpMethod == "GET" || text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
        foreach (var key in request.QueryString.AllKeys.OfType<string>())
        {
            json[key] = request.QueryString[key];
        }

        lock (gate)
        {
            var (status, answer) = (request.HttpMethod, path) switch
            {
                ("GET", "/api/2.0/mlflow/experiments/get-by-name") => GetExperiment(Str(json, "experiment_name")),
                ("POST", "/api/2.0/mlflow/experiments/create") => CreateExperiment(Str(json, "name")),
                ("POST", "/api/2.0/mlflow/runs/create") => CreateRun(json),
                ("POST", "/api/2.0/mlflow/runs/log-batch") => WithRun(json, run => LogBatch(run, json)),
                ("POST", "/api/2.0/mlflow/runs/set-tag") => WithRun(json, run => Put(run, "tags", Str(json, "key"), Str(json, "value"))),
                ("POST", "/api/2.0/mlflow/runs/update") => WithRun(json, run => Update(run, json)),
                ("GET", "/api/2.0/mlflow/runs/get") => WithRun(json, run => (200, new JsonObject { ["run"] = run.DeepClone() })),
                ("POST", "/api/2.0/mlflow/registered-models/create") => CreateModel(Str(json, "name")),
                ("POST", "/api/2.0/mlflow/model-versions/create") => CreateVersion(json),
                ("GET", "/api/2.0/mlflow/model-versions/search") => SearchVersions(Str(json, "filter")),
                ("POST", "/api/2.0/mlflow/registered-models/alias") => SetAlias(json),
                ("DELETE", "/api/2.0/mlflow/registered-models/alias") => DeleteAlias(json),
                _ => (404, (JsonNode?)null),
            };
            return answer is null
                ? (404, "<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html")
                : (status, answer.ToJsonString(), "application/json");
        }
    }

    private bool Authorized(string? authorization) =>
        (Token is null || authorization == $"Bearer {Token}")
        && (BasicUser is not { } basic || authorization == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{basic.User}:{basic.Password}")));

    private (int, JsonNode?) GetExperiment(string name) =>
        experiments.TryGetValue(name, out var id)
            ? (200, new JsonObject { ["experiment"] = new JsonObject { ["experiment_id"] = id, ["name"] = name, ["artifact_location"] = $"mlflow-artifacts:/{id}", ["lifecycle_stage"] = "active" } })
            : (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{name}'"));

    private (int, JsonNode?) CreateExperiment(string name)
    {
        if (experiments.ContainsKey(name))
        {
            return (400, ErrorNode("RESOURCE_ALREADY_EXISTS", $"Experiment '{name}' already exists."));
        }

        var id = (nextExperiment++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        experiments[name] = id;
        return (200, new JsonObject { ["experiment_id"] = id });
    }

    private (int, JsonNode?) CreateRun(JsonObject json)
    {
        var experiment = Str(json, "experiment_id");
        if (!experiments.ContainsValue(experiment))
        {
            return (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={experiment} exists"));
        }

        var id = Guid.NewGuid().ToString("N");
        var tags = new JsonObject();
        foreach (var tag in json["tags"]?.AsArray() ?? [])
        {
            tags[Str(tag!, "key")] = Str(tag!, "value");
        }

        var run = new JsonObject
        {
            ["info"] = new JsonObject
            {
                ["run_id"] = id,
                ["run_uuid"] = id,
                ["experiment_id"] = experiment,
                ["run_name"] = (string?)json["run_name"] ?? "",
                ["status"] = "RUNNING",
                ["start_time"] = (long?)json["start_time"] ?? 0,
                ["seq"] = Runs.Count,
                ["artifact_uri"] = $"mlflow-artifacts:/{experiment}/{id}/artifacts",
                ["lifecycle_stage"] = "active",
            },
            ["data"] = new JsonObject { ["params"] = new JsonObject(), ["metrics"] = new JsonObject(), ["tags"] = tags },
        };
        Runs[id] = run;
        return (200, new JsonObject { ["run"] = Public(run) });
    }

    private (int, JsonNode?) WithRun(JsonObject json, Func<JsonObject, (int, JsonNode?)> action) =>
        Runs.TryGetValue((string?)json["run_id"] ?? "", out var run)
            ? action(run)
            : (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"Run '{(string?)json["run_id"]}' not found"));

    private static (int, JsonNode?) LogBatch(JsonObject run, JsonObject json)
    {
        foreach (var parameter in json["params"]?.AsArray() ?? [])
        {
            var key = Str(parameter!, "key");
            var value = Str(parameter!, "value");
            if (run["data"]!["params"]![key] is { } old && old.GetValue<string>() != value)
            {
                return (400, ErrorNode("INVALID_PARAMETER_VALUE", $"Changing param values is not allowed. Param with key='{key}' was already logged with value='{old}' for run ID='{run["info"]!["run_id"]}'. Attempted logging new value '{value}'."));
            }

            run["data"]!["params"]![key] = value;
        }

        foreach (var metric in json["metrics"]?.AsArray() ?? [])
        {
            if (metric!["timestamp"] is null || metric["value"] is null)
            {
                return (400, ErrorNode("INVALID_PARAMETER_VALUE", "Missing value for required parameter 'metrics[0].timestamp'."));
            }

            run["data"]!["metrics"]![Str(metric, "key")] = metric["value"]!.GetValue<double>();
        }

        foreach (var tag in json["tags"]?.AsArray() ?? [])
        {
            run["data"]!["tags"]![Str(tag!, "key")] = Str(tag!, "value");
        }

        return (200, new JsonObject());
    }

    private static (int, JsonNode?) Put(JsonObject run, string section, string key, string value)
    {
        run["data"]![section]![key] = value;
        return (200, new JsonObject());
    }

    private static (int, JsonNode?) Update(JsonObject run, JsonObject json)
    {
        run["info"]!["status"] = Str(json, "status");
        run["info"]!["end_time"] = (long?)json["end_time"] ?? 0;
        return (200, new JsonObject { ["run_info"] = run["info"]!.DeepClone() });
    }

    private (int, JsonNode?) CreateModel(string name)
    {
        if (models.ContainsKey(name))
        {
            return (400, ErrorNode("RESOURCE_ALREADY_EXISTS", $"Registered Model (name={name}) already exists."));
        }

        models[name] = new JsonObject { ["name"] = name, ["versions"] = new JsonArray(), ["aliases"] = new JsonObject() };
        return (200, new JsonObject { ["registered_model"] = new JsonObject { ["name"] = name } });
    }

    private (int, JsonNode?) CreateVersion(JsonObject json)
    {
        var name = Str(json, "name");
        if (!models.TryGetValue(name, out var model))
        {
            return (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found"));
        }

        if (json["run_id"] is { } runId && !Runs.ContainsKey(runId.GetValue<string>()))
        {
            return (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"Run with id={runId} not found"));
        }

        var versions = model["versions"]!.AsArray();
        var version = new JsonObject
        {
            ["name"] = name,
            ["version"] = (versions.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = Str(json, "source"),
            ["run_id"] = (string?)json["run_id"] ?? "",
            ["status"] = "READY",
            ["description"] = (string?)json["description"] ?? "",
            ["tags"] = json["tags"]?.DeepClone() ?? new JsonArray(),
        };
        versions.Add(version);
        return (200, new JsonObject { ["model_version"] = version.DeepClone() });
    }

    private (int, JsonNode?) SearchVersions(string filter)
    {
        var name = filter.StartsWith("name='", StringComparison.Ordinal) ? filter[6..^1].Replace("\\'", "'", StringComparison.Ordinal) : null;
        if (name is null)
        {
            return (400, ErrorNode("INVALID_PARAMETER_VALUE", $"Invalid filter '{filter}'"));
        }

        var found = models.TryGetValue(name, out var model) ? model["versions"]!.DeepClone().AsArray() : [];
        return (200, new JsonObject { ["model_versions"] = found });
    }

    private (int, JsonNode?) SetAlias(JsonObject json)
    {
        var name = Str(json, "name");
        var version = Str(json, "version");
        if (!models.TryGetValue(name, out var model) || model["versions"]!.AsArray().All(v => (string?)v!["version"] != version))
        {
            return (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"Model Version (name={name}, version={version}) not found"));
        }

        model["aliases"]![Str(json, "alias")] = version;
        return (200, new JsonObject());
    }

    private (int, JsonNode?) DeleteAlias(JsonObject json)
    {
        var name = Str(json, "name");
        if (!models.TryGetValue(name, out var model))
        {
            return (404, ErrorNode("RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={name} not found"));
        }

        model["aliases"]!.AsObject().Remove(Str(json, "alias"));
        return (200, new JsonObject());
    }

    private static JsonObject Public(JsonObject run)
    {
        var copy = run.DeepClone().AsObject();
        copy["info"]!.AsObject().Remove("seq");
        var data = copy["data"]!.AsObject();
        data["tags"] = new JsonArray(data["tags"]!.AsObject().Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value!.DeepClone() }).ToArray());
        data.Remove("params");
        data.Remove("metrics");
        return copy;
    }

    private static string Str(JsonNode node, string key) => (string?)node[key] ?? "";

    private static JsonObject ErrorNode(string code, string message) => new() { ["error_code"] = code, ["message"] = message };
}
