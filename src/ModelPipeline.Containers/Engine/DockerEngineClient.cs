using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPipeline.Containers.Engine;

/// <summary>
/// A small client for the Docker Engine HTTP API (v1.41) over its unix socket: what Docker.DotNet would
/// give, for the calls ModelPipeline needs. Streamed answers (build, push) report failures inside an
/// HTTP 200 stream; this client turns those into <see cref="ContainerEngineException"/>.
/// </summary>
public sealed class DockerEngineClient : IDisposable
{
    private const string ApiPrefix = "v1.41/";
    private readonly HttpClient _http;

    public DockerEngineClient(string? socketPath = null)
    {
        SocketPath = socketPath ?? DockerEndpoint.Resolve();
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var tcp = IsTcp ? new Uri(SocketPath) : null;
                var socket = tcp is null
                    ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                    : new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    EndPoint endpoint = tcp is null ? new UnixDomainSocketEndPoint(SocketPath) : new DnsEndPoint(tcp.Host, tcp.Port);
                    await socket.ConnectAsync(endpoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Limit for one non-streaming call (inspect, create, start, tag...); build, push and pull streams are limited only by the caller's token.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The unix socket path, or tcp://host:port.</summary>
    public string SocketPath { get; }

    private bool IsTcp => SocketPath.StartsWith("tcp://", StringComparison.Ordinal);

    /// <summary>Null when the engine answers /_ping; otherwise why it is not reachable.</summary>
    public async Task<string?> ProbeAsync(CancellationToken cancellationToken = default)
    {
        if (!IsTcp && !File.Exists(SocketPath))
        {
            return $"no Docker engine socket at {SocketPath} (run scripts/start-services.sh as root to start one)";
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await _http.GetAsync("_ping", timeout.Token);
            return response.IsSuccessStatusCode ? null : $"the Docker engine at {SocketPath} answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or SocketException)
        {
            return $"no Docker engine answering at {SocketPath}: {e.Message} (run scripts/start-services.sh as root to start one)";
        }
    }

    public async Task<JsonObject> VersionAsync(CancellationToken cancellationToken = default) =>
        (await SendJsonAsync(HttpMethod.Get, "version", null, cancellationToken))!.AsObject();

    /// <summary>Builds an image from a tar build context; returns the image id (sha256:…).</summary>
    public async Task<string> BuildAsync(Stream tarContext, string tag, IReadOnlyDictionary<string, string>? labels = null,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var query = new StringBuilder($"build?t={Uri.EscapeDataString(tag)}&rm=1&forcerm=1");
        if (labels is { Count: > 0 })
        {
            query.Append("&labels=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(labels, ContainerJson.Default.IReadOnlyDictionaryStringString)));
        }

        using var content = new StreamContent(tarContext);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        string? imageId = null;
        await StreamAsync(HttpMethod.Post, query.ToString(), content, null, line =>
        {
            if (line["stream"]?.GetValue<string>() is { } text && !string.IsNullOrWhiteSpace(text))
            {
                log?.Invoke(text.TrimEnd());
            }

            if (line["aux"]?["ID"]?.GetValue<string>() is { } id)
            {
                imageId = id;
            }
        }, "build", cancellationToken);
        return imageId ?? throw new ContainerEngineException($"docker build of {tag} finished without an image id");
    }

    public async Task<JsonObject?> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await SendJsonAsync(HttpMethod.Get, $"images/{image}/json", null, cancellationToken))!.AsObject();
        }
        catch (ContainerEngineException e) when (e.Message.Contains("No such image", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
    }

    public Task TagAsync(string image, string repository, string tag, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"images/{image}/tag?repo={repository}&tag={Uri.EscapeDataString(tag)}", null, cancellationToken);

    /// <summary>Pushes repository:tag; returns the pushed manifest digest from the stream's last aux record.</summary>
    public async Task<string> PushAsync(string repository, string tag, string registryAuthJson, CancellationToken cancellationToken = default)
    {
        string? digest = null;
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(registryAuthJson)).Replace('+', '-').Replace('/', '_');
        await StreamAsync(HttpMethod.Post, $"images/{repository}/push?tag={Uri.EscapeDataString(tag)}", null,
            request => request.Headers.Add("X-Registry-Auth", auth),
            line =>
            {
                if (line["aux"]?["Digest"]?.GetValue<string>() is { } d)
                {
                    digest = d;
                }
            }, $"push of {repository}:{tag}", cancellationToken);
        return digest ?? throw new ContainerEngineException($"push of {repository}:{tag} finished without a digest");
    }

    /// <summary>Pulls repository:tag (docker pull); the registry auth JSON is needed only for private registries.</summary>
    public Task PullAsync(string repository, string tag, string? registryAuthJson = null, CancellationToken cancellationToken = default)
    {
        var auth = registryAuthJson is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(registryAuthJson)).Replace('+', '-').Replace('/', '_');
        return StreamAsync(HttpMethod.Post, $"images/create?fromImage={repository}&tag={Uri.EscapeDataString(tag)}", null,
            request =>
            {
                if (auth is not null)
                {
                    request.Headers.Add("X-Registry-Auth", auth);
                }
            }, _ => { }, $"pull of {repository}:{tag}", cancellationToken);
    }

    public async Task<string> CreateContainerAsync(JsonObject spec, string? name = null, CancellationToken cancellationToken = default)
    {
        var path = name is null ? "containers/create" : $"containers/create?name={Uri.EscapeDataString(name)}";
        var created = await SendJsonAsync(HttpMethod.Post, path, spec, cancellationToken);
        return created!["Id"]!.GetValue<string>();
    }

    public Task StartContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"containers/{id}/start", null, cancellationToken);

    public Task StopContainerAsync(string id, int seconds = 5, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"containers/{id}/stop?t={seconds}", null, cancellationToken, HttpStatusCode.NotModified);

    /// <summary>Sends SIGKILL; a container that already stopped is fine.</summary>
    public Task KillContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, $"containers/{id}/kill", null, cancellationToken, HttpStatusCode.Conflict, HttpStatusCode.NotFound);

    public Task RemoveContainerAsync(string id, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Delete, $"containers/{id}?force=true", null, cancellationToken, HttpStatusCode.NotFound);

    /// <summary>
    /// Ids of containers (running or not) carrying <paramref name="label"/> (key or key=value), optionally only those
    /// created from <paramref name="image"/> (a name or id, the engine's <c>ancestor</c> filter).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListContainersAsync(string label, string? image = null, CancellationToken cancellationToken = default)
    {
        var filter = new JsonObject { ["label"] = new JsonArray(label) };
        if (image is not null)
            filter["ancestor"] = new JsonArray(image);
        var filters = Uri.EscapeDataString(filter.ToJsonString());
        var list = await SendJsonAsync(HttpMethod.Get, $"containers/json?all=1&filters={filters}", null, cancellationToken);
        return [.. (list?.AsArray() ?? []).Select(c => c!["Id"]!.GetValue<string>())];
    }

    /// <summary>Waits until the container stops; returns its exit code.</summary>
    public async Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await SendJsonAsync(HttpMethod.Post, $"containers/{id}/wait", null, cancellationToken);
        return result?["StatusCode"]?.GetValue<long>() ?? -1;
    }

    public async Task<JsonObject> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        (await SendJsonAsync(HttpMethod.Get, $"containers/{id}/json", null, cancellationToken))!.AsObject();

    /// <summary>The container's stdout and stderr so far, demultiplexed from the engine's 8-byte frames.</summary>
    public async Task<string> LogsAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"{ApiPrefix}containers/{id}/logs?stdout=1&stderr=1", cancellationToken);
        await EnsureSuccessAsync(response, "logs", cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return LogFrames.Demultiplex(bytes);
    }

    public async Task RemoveImageAsync(string image, CancellationToken cancellationToken = default) =>
        await SendJsonAsync(HttpMethod.Delete, $"images/{image}?force=true", null, cancellationToken, HttpStatusCode.NotFound);

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode?> SendJsonAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken,
        params HttpStatusCode[] tolerated)
    {
        using var request = new HttpRequestMessage(method, ApiPrefix + path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        HttpResponseMessage sent;
        try
        {
            sent = await SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ContainerEngineException($"Docker engine: {method} {path} did not answer within {RequestTimeout.TotalSeconds:0} s");
        }

        using var response = sent;
        if (tolerated.Contains(response.StatusCode))
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"{method} {path}", cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private async Task StreamAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestMessage>? configure,
        Action<JsonObject> onLine, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, ApiPrefix + path) { Content = content };
        configure?.Invoke(request);
        using var response = await SendAsync(request, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        await EnsureSuccessAsync(response, what, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line) || JsonNode.Parse(line) is not JsonObject json)
            {
                continue;
            }

            if (json["error"]?.GetValue<string>() is { } error)
            {
                throw new ContainerEngineException($"{what} failed: {error.Trim()}");
            }

            onLine(json);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken,
        HttpCompletionOption option = HttpCompletionOption.ResponseContentRead)
    {
        try
        {
            return await _http.SendAsync(request, option, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ContainerEngineException($"no Docker engine answering at {SocketPath}: {e.Message} (run scripts/start-services.sh as root)", e);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string message;
        try
        {
            message = JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? text;
        }
        catch (JsonException)
        {
            message = text;
        }

        throw new ContainerEngineException($"Docker engine: {what} failed ({(int)response.StatusCode}): {message.Trim()}");
    }
}
