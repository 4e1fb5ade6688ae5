using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace ModelPipeline.Containers.Engine;

/// <summary>
/// The Docker engine as ModelPipeline uses it, through Docker.DotNet (API 1.41, unix socket or tcp://). What stays
/// ours: every failure becomes one <see cref="ContainerEngineException"/> line (the engine's own message, or "no
/// engine answering"), errors that streamed answers (build, push, pull) report inside an HTTP 200 are detected, and
/// the calls that may find nothing (a missing image, an exited container) are not errors.
/// </summary>
public sealed class DockerEngineClient : IDisposable
{
    private readonly DockerClient _docker;

    public DockerEngineClient(string? socketPath = null)
    {
        SocketPath = socketPath ?? DockerEndpoint.Resolve();
        var uri = IsTcp ? new Uri(SocketPath) : new Uri("unix://" + SocketPath);
        _docker = new DockerClientConfiguration(uri, defaultTimeout: RequestTimeout).CreateClient();
    }

    /// <summary>Limit for one non-streaming call (inspect, create, start, tag...); build, push and pull streams are limited only by the caller's token.</summary>
    public TimeSpan RequestTimeout { get; } = TimeSpan.FromMinutes(2);

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
            await _docker.System.PingAsync(timeout.Token);
            return null;
        }
        catch (DockerApiException e)
        {
            return $"the Docker engine at {SocketPath} answered {(int)e.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or SocketException or IOException)
        {
            return $"no Docker engine answering at {SocketPath}: {e.Message} (run scripts/start-services.sh as root to start one)";
        }
    }

    public Task<VersionResponse> VersionAsync(CancellationToken cancellationToken = default) =>
        CallAsync("GET version", () => _docker.System.GetVersionAsync(cancellationToken), cancellationToken);

    /// <summary>Builds an image from a tar build context; returns the image id (sha256:…).</summary>
    public async Task<string> BuildAsync(Stream tarContext, string tag, IReadOnlyDictionary<string, string>? labels = null,
        Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ImageBuildParameters
        {
            Tags = [tag],
            Remove = true,
            ForceRemove = true,
            Labels = labels?.ToDictionary(l => l.Key, l => l.Value),
        };
        string? imageId = null;
        await StreamAsync("build", progress => _docker.Images.BuildImageFromDockerfileAsync(parameters, tarContext, null, null, progress, cancellationToken), message =>
        {
            if (message.Stream is { } text && !string.IsNullOrWhiteSpace(text))
            {
                log?.Invoke(text.TrimEnd());
            }

            imageId = Aux(message, "ID") ?? imageId;
        }, cancellationToken);
        return imageId ?? throw new ContainerEngineException($"docker build of {tag} finished without an image id");
    }

    /// <summary>The image's inspect answer, or null when the engine has no such image.</summary>
    public async Task<ImageInspectResponse?> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CallAsync($"GET images/{image}/json", () => _docker.Images.InspectImageAsync(image, cancellationToken), cancellationToken);
        }
        catch (ContainerEngineException e) when (e.InnerException is DockerImageNotFoundException or DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public Task TagAsync(string image, string repository, string tag, CancellationToken cancellationToken = default) =>
        CallAsync($"POST images/{image}/tag", () => _docker.Images.TagImageAsync(image, new ImageTagParameters { RepositoryName = repository, Tag = tag }, cancellationToken), cancellationToken);

    /// <summary>Pushes repository:tag through the engine; returns the pushed manifest digest from the stream's aux record.</summary>
    public async Task<string> PushAsync(string repository, string tag, AuthConfig auth, CancellationToken cancellationToken = default)
    {
        string? digest = null;
        await StreamAsync($"push of {repository}:{tag}",
            progress => _docker.Images.PushImageAsync($"{repository}:{tag}", new ImagePushParameters { Tag = tag }, auth, progress, cancellationToken),
            message => digest = Aux(message, "Digest") ?? digest, cancellationToken);
        return digest ?? throw new ContainerEngineException($"push of {repository}:{tag} finished without a digest");
    }

    /// <summary>Pulls repository:tag (docker pull); credentials are needed only for private registries.</summary>
    public Task PullAsync(string repository, string tag, AuthConfig? auth = null, CancellationToken cancellationToken = default) =>
        StreamAsync($"pull of {repository}:{tag}",
            progress => _docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = repository, Tag = tag }, auth ?? new AuthConfig(), progress, cancellationToken),
            _ => { }, cancellationToken);

    public async Task<string> CreateContainerAsync(CreateContainerParameters spec, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Name = name ?? spec.Name;
        var created = await CallAsync("POST containers/create", () => _docker.Containers.CreateContainerAsync(spec, cancellationToken), cancellationToken);
        return created.ID;
    }

    public Task StartContainerAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync($"POST containers/{id}/start", () => _docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken), cancellationToken);

    /// <summary>Stops the container (SIGTERM, then SIGKILL after <paramref name="seconds"/>); one already stopped is fine.</summary>
    public Task StopContainerAsync(string id, int seconds = 5, CancellationToken cancellationToken = default) =>
        CallAsync($"POST containers/{id}/stop", () => _docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = (uint)seconds }, cancellationToken), cancellationToken);

    /// <summary>Sends SIGKILL; a container that already stopped or is gone is fine.</summary>
    public Task KillContainerAsync(string id, CancellationToken cancellationToken = default) =>
        Tolerating(CallAsync($"POST containers/{id}/kill", () => _docker.Containers.KillContainerAsync(id, new ContainerKillParameters(), cancellationToken), cancellationToken),
            HttpStatusCode.Conflict, HttpStatusCode.NotFound);

    public Task RemoveContainerAsync(string id, CancellationToken cancellationToken = default) =>
        Tolerating(CallAsync($"DELETE containers/{id}", () => _docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, cancellationToken), cancellationToken),
            HttpStatusCode.NotFound);

    /// <summary>
    /// Ids of containers (running or not) carrying <paramref name="label"/> (key or key=value), optionally only those
    /// created from <paramref name="image"/> (a name or id, the engine's <c>ancestor</c> filter).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListContainersAsync(string label, string? image = null, CancellationToken cancellationToken = default)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } };
        if (image is not null)
        {
            filters["ancestor"] = new Dictionary<string, bool> { [image] = true };
        }

        var list = await CallAsync("GET containers/json",
            () => _docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, cancellationToken), cancellationToken);
        return [.. list.Select(c => c.ID)];
    }

    /// <summary>Waits until the container stops; returns its exit code.</summary>
    public async Task<long> WaitContainerAsync(string id, CancellationToken cancellationToken = default) =>
        (await CallAsync($"POST containers/{id}/wait", () => _docker.Containers.WaitContainerAsync(id, cancellationToken), cancellationToken)).StatusCode;

    public Task<ContainerInspectResponse> InspectContainerAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync($"GET containers/{id}/json", () => _docker.Containers.InspectContainerAsync(id, cancellationToken), cancellationToken);

    /// <summary>The container named or numbered <paramref name="nameOrId"/>, or null when there is none.</summary>
    public async Task<ContainerInspectResponse?> TryInspectContainerAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await InspectContainerAsync(nameOrId, cancellationToken);
        }
        catch (ContainerEngineException e) when (e.InnerException is DockerApiException { StatusCode: HttpStatusCode.NotFound })
        {
            return null;
        }
    }

    public Task RenameContainerAsync(string id, string newName, CancellationToken cancellationToken = default) =>
        CallAsync($"POST containers/{id}/rename", () => _docker.Containers.RenameContainerAsync(id, new ContainerRenameParameters { NewName = newName }, cancellationToken), cancellationToken);

    /// <summary>The container's stdout and stderr so far, in the order the engine wrote them.</summary>
    public Task<string> LogsAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync("logs", async () =>
        {
            using var stream = await _docker.Containers.GetContainerLogsAsync(id, tty: false,
                new ContainerLogsParameters { ShowStdout = true, ShowStderr = true }, cancellationToken);
            var text = new MemoryStream();
            var buffer = new byte[16 * 1024];
            while ((await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken)) is { EOF: false } read)
            {
                text.Write(buffer, 0, read.Count);
            }

            return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
        }, cancellationToken);

    /// <summary>Every repository:tag the engine holds (untagged images have none).</summary>
    public async Task<IReadOnlyList<string>> ListImageTagsAsync(CancellationToken cancellationToken = default)
    {
        var images = await CallAsync("GET images/json", () => _docker.Images.ListImagesAsync(new ImagesListParameters(), cancellationToken), cancellationToken);
        return [.. images.SelectMany(i => i.RepoTags ?? []).Where(t => t != "<none>:<none>")];
    }

    /// <summary>Removes an image by id, or by name:tag (then only that tag when the image has others).</summary>
    public Task RemoveImageAsync(string image, CancellationToken cancellationToken = default) =>
        Tolerating(CallAsync($"DELETE images/{image}", () => _docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, cancellationToken), cancellationToken),
            HttpStatusCode.NotFound);

    public void Dispose() => _docker.Dispose();

    private static string? Aux(JSONMessage message, string key) =>
        message.Aux?.ExtensionData is { } aux && aux.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;

    private Task CallAsync(string what, Func<Task> call, CancellationToken cancellationToken) =>
        CallAsync(what, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    /// <summary>One engine call; its failure as one line naming what was asked (the engine's message, a timeout, no engine).</summary>
    private async Task<T> CallAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (DockerApiException e)
        {
            throw new ContainerEngineException($"Docker engine: {what} failed ({(int)e.StatusCode}): {EngineMessage(e.ResponseBody)}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ContainerEngineException($"Docker engine: {what} did not answer within {RequestTimeout.TotalSeconds:0} s", e);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
        {
            throw new ContainerEngineException($"no Docker engine answering at {SocketPath}: {e.Message} (run scripts/start-services.sh as root)", e);
        }
    }

    /// <summary>A streamed call (build, push, pull): an <c>error</c> line in the 200 stream fails it with that line.</summary>
    private Task StreamAsync(string what, Func<IProgress<JSONMessage>, Task> call, Action<JSONMessage> onMessage, CancellationToken cancellationToken)
    {
        string? error = null;
        var progress = new StreamLines(message =>
        {
            error ??= message.Error?.Message is { Length: > 0 } text ? text : message.ErrorMessage is { Length: > 0 } legacy ? legacy : null;
            if (error is null)
            {
                onMessage(message);
            }
        });
        return CallAsync(what, async () =>
        {
            await call(progress);
            if (error is not null)
            {
                throw new ContainerEngineException($"{what} failed: {error.Trim()}");
            }
        }, cancellationToken);
    }

    private static async Task Tolerating(Task call, params HttpStatusCode[] tolerated)
    {
        try
        {
            await call;
        }
        catch (ContainerEngineException e) when (e.InnerException is DockerApiException api && tolerated.Contains(api.StatusCode))
        {
        }
    }

    private static string EngineMessage(string? body)
    {
        try
        {
            return (JsonDocument.Parse(body ?? "").RootElement.TryGetProperty("message", out var message) ? message.GetString() : body)?.Trim() ?? "";
        }
        catch (JsonException)
        {
            return body?.Trim() ?? "";
        }
    }

    /// <summary>Reports each line of a streamed answer on the reading thread, in order (<see cref="Progress{T}"/> would post them to the pool).</summary>
    private sealed class StreamLines(Action<JSONMessage> report) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => report(value);
    }
}
