using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// A loopback stand-in for a Kubernetes API server (plain HTTP on 127.0.0.1, a bearer token): server-side apply
/// (PATCH, application/apply-patch+yaml) and GET/DELETE of apps/v1 Deployments, v1 Services, autoscaling/v2 HPAs and
/// policy/v1 PodDisruptionBudgets, answering with the shapes of the API reference (the object with metadata.generation,
/// uid, resourceVersion; 404 and 401 as metav1 Status). A Deployment's status advances one step per GET, as a
/// controller would: observedGeneration, then updatedReplicas, then availableReplicas - unless its image is in
/// <see cref="NeverReady"/>: then its pods never pass readiness and after three GETs the Progressing condition turns
/// False with reason ProgressDeadlineExceeded. Applies replace the object (no field merging). <see cref="RefuseFor"/>
/// and <see cref="DropAfter"/> script a lost server: connections refused, or requests answered by closing the connection.
/// </summary>
public sealed class FakeKubernetesApi : IDisposable
{
    private readonly LoopbackHttpServer http;
    private readonly ConcurrentDictionary<string, JsonObject> objects = new();
    private readonly ConcurrentDictionary<string, int> steps = new();

    public FakeKubernetesApi() => http = new LoopbackHttpServer(Answer);

    public int Port => http.Port;

    public string Token { get; } = "fake-token-" + Guid.NewGuid().ToString("N");

    /// <summary>Images whose pods never become ready.</summary>
    public ConcurrentBag<string> NeverReady { get; } = [];

    /// <summary>Every request: method, path and query, content type, body.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? ContentType, string Body)> Requests { get; } = new();

    /// <summary>The Deployment images applied, in order.</summary>
    public IEnumerable<string> AppliedDeploymentImages => Requests
        .Where(r => r.Method == "PATCH" && r.PathAndQuery.Contains("/deployments/", StringComparison.Ordinal))
        .Select(r => JsonNode.Parse(r.Body)!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());

    /// <summary>Requests answered by closing the connection (<see cref="DropAfter"/>); they are not in <see cref="Requests"/>.</summary>
    public int Dropped => http.Dropped;

    /// <inheritdoc cref="LoopbackHttpServer.RefuseFor"/>
    public void RefuseFor(int requests, TimeSpan? duration = null) => http.RefuseFor(requests, duration);

    /// <inheritdoc cref="LoopbackHttpServer.DropAfter"/>
    public void DropAfter(int requests, int count = int.MaxValue) => http.DropAfter(requests, count);

    /// <summary>The stored object at an API path (/apis/apps/v1/namespaces/default/deployments/x), or null.</summary>
    public JsonObject? Object(string path) => objects.TryGetValue(path, out var o) ? o : null;

    /// <summary>A kubeconfig whose current context is this server with <paramref name="token"/> (default: the right one).</summary>
    public string WriteKubeconfig(string folder, string? token = null)
    {
        var path = Path.Combine(folder, $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: http://127.0.0.1:{Port}
            users:
            - name: fake
              user:
                token: {token ?? Token}
            contexts:
            - name: fake
              context:
                cluster: fake
                user: fake
                namespace: models
            current-context: fake
            """);
        return path;
    }

    public void Dispose() => http.Dispose();

    private (int Status, string ContentType, byte[] Body) Answer(HttpListenerRequest request)
    {
        int status;
        JsonNode body;
        try
        {
            (status, body) = Handle(request);
        }
        catch (Exception e)
        {
            (status, body) = (500, Status(500, "InternalError", $"the fake API server failed: {e}"));
        }

        return (status, "application/json", Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private (int Status, JsonNode Body) Handle(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue((request.HttpMethod, request.Url.PathAndQuery, request.ContentType, text));
        if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            return (401, Status(401, "Unauthorized", "Unauthorized"));
        }

        switch (request.HttpMethod)
        {
            case "PATCH" when request.ContentType?.StartsWith("application/apply-patch+yaml", StringComparison.Ordinal) != true:
                return (415, Status(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/apply-patch+yaml; got {request.ContentType}"));
            case "PATCH" when request.QueryString["fieldManager"] is null:
                return (422, Status(422, "Invalid", "fieldManager is required for apply requests"));
            case "PATCH":
                return Apply(path, JsonNode.Parse(text)!.AsObject());
            case "GET":
                return objects.TryGetValue(path, out var found) ? (200, Advance(path, found)) : (404, Status(404, "NotFound", $"{path} not found"));
            case "DELETE":
                // A deleted Service answers with the Service (as the API reference documents), the other kinds with a Status.
                return !objects.TryRemove(path, out var removed) ? (404, Status(404, "NotFound", $"{path} not found"))
                    : path.Contains("/services/", StringComparison.Ordinal) ? (200, removed) : (200, Status(200, "Success", "deleted"));
            default:
                return (405, Status(405, "MethodNotAllowed", request.HttpMethod));
        }
    }

    private (int, JsonNode) Apply(string path, JsonObject applied)
    {
        var created = !objects.TryGetValue(path, out var existing);
        var metadata = applied["metadata"]!.AsObject();
        var generation = existing?["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var changed = created || !JsonNode.DeepEquals(existing!["spec"], applied["spec"]);
        metadata["generation"] = changed ? generation + 1 : generation;
        metadata["namespace"] = path.Split('/')[path.StartsWith("/api/", StringComparison.Ordinal) ? 4 : 5];
        metadata["uid"] = existing?["metadata"]?["uid"]?.DeepClone() ?? Guid.NewGuid().ToString();
        metadata["resourceVersion"] = Environment.TickCount64.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (path.Contains("/deployments/", StringComparison.Ordinal))
        {
            applied["status"] = existing?["status"]?.DeepClone() ?? new JsonObject { ["observedGeneration"] = 0 };
            if (changed)
            {
                steps[path] = 0;
            }
        }

        objects[path] = applied;
        return (created ? 201 : 200, applied.DeepClone());
    }

    /// <summary>One controller step of a Deployment's rollout per GET.</summary>
    private JsonNode Advance(string path, JsonObject item)
    {
        if (!path.Contains("/deployments/", StringComparison.Ordinal))
        {
            return item.DeepClone();
        }

        var step = steps.AddOrUpdate(path, 1, (_, s) => s + 1);
        var generation = item["metadata"]!["generation"]!.GetValue<long>();
        var replicas = item["spec"]!["replicas"]?.GetValue<int>() ?? 1;
        var image = item["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>();
        var ready = !NeverReady.Contains(image);
        var status = new JsonObject { ["observedGeneration"] = generation };
        if (step >= 2)
        {
            status["replicas"] = replicas;
            status["updatedReplicas"] = replicas;
        }

        if (step >= 3 && ready)
        {
            status["readyReplicas"] = replicas;
            status["availableReplicas"] = replicas;
        }

        var (condition, reason, message) = ready || step < 4
            ? ("True", ready && step >= 3 ? "NewReplicaSetAvailable" : "ReplicaSetUpdated", $"ReplicaSet \"{item["metadata"]!["name"]}\" is progressing.")
            : ("False", "ProgressDeadlineExceeded", $"ReplicaSet \"{item["metadata"]!["name"]}\" has timed out progressing.");
        status["conditions"] = new JsonArray(new JsonObject
        {
            ["type"] = "Progressing",
            ["status"] = condition,
            ["reason"] = reason,
            ["message"] = message,
        });
        item["status"] = status;
        return item.DeepClone();
    }

    private static JsonObject Status(int code, string reason, string message) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = code < 400 ? "Success" : "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["code"] = code,
    };
}
