using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Docker.DotNet.Models;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Smoke;

/// <summary>
/// A server image running in the engine, reachable on a free 127.0.0.1 port: published from the container's
/// <c>port</c>, or, with host networking, the container shares the host network and is told the port through
/// PORT/ASPNETCORE_HTTP_PORTS. <see cref="StartToFirstPing"/> is measured from container start to the first
/// successful GET /ping. Disposing removes the container (forced), whatever state it is in.
/// </summary>
public sealed class RunningContainer : IAsyncDisposable
{
    /// <summary>Every container this class creates carries this label (tests check none are left behind).</summary>
    public const string Label = "io.modelpipeline.smoke-test";

    private readonly DockerEngineClient _engine;
    private long _started;

    private RunningContainer(DockerEngineClient engine, string id, int hostPort)
    {
        _engine = engine;
        Id = id;
        HostPort = hostPort;
    }

    public string Id { get; }

    public int HostPort { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address => new($"http://127.0.0.1:{HostPort.ToString(CultureInfo.InvariantCulture)}/");

    public TimeSpan StartToFirstPing { get; private set; }

    /// <summary>Creates (does not start) a container of <paramref name="image"/> on a free loopback port.</summary>
    /// <param name="port">The port the server listens on inside the container when the port is published.</param>
    /// <param name="hostNetwork">--network host: no docker-proxy in the request path; the server is told the port.</param>
    /// <param name="environment">Extra environment variables (NAME=value).</param>
    public static async Task<RunningContainer> CreateAsync(DockerEngineClient engine, string image, int port, bool hostNetwork,
        IReadOnlyList<string>? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var hostPort = FreeLoopbackPort();
        var hostPortText = hostPort.ToString(CultureInfo.InvariantCulture);
        var portKey = $"{port.ToString(CultureInfo.InvariantCulture)}/tcp";
        var env = new List<string>(environment ?? []);
        var spec = new CreateContainerParameters
        {
            Image = image,
            Labels = new Dictionary<string, string> { [Label] = "true" },
            Env = env,
        };
        if (hostNetwork)
        {
            env.Add($"PORT={hostPortText}");
            env.Add($"ASPNETCORE_HTTP_PORTS={hostPortText}");
            spec.HostConfig = new HostConfig { NetworkMode = "host" };
        }
        else
        {
            spec.ExposedPorts = new Dictionary<string, EmptyStruct> { [portKey] = default };
            spec.HostConfig = new HostConfig
            {
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    [portKey] = [new PortBinding { HostIP = "127.0.0.1", HostPort = hostPortText }],
                },
            };
        }

        var id = await engine.CreateContainerAsync(spec, $"modelpipeline-smoke-{Guid.NewGuid():N}"[..32], cancellationToken);
        return new RunningContainer(engine, id, hostPort);
    }

    /// <summary>Creates, starts and waits for GET /ping; on failure removes the container and throws with its logs.</summary>
    /// <exception cref="ContainerEngineException">The container could not start or did not answer /ping within <paramref name="timeout"/>.</exception>
    public static async Task<RunningContainer> RunAsync(DockerEngineClient engine, string image, int port, bool hostNetwork, TimeSpan timeout,
        IReadOnlyList<string>? environment = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var container = await CreateAsync(engine, image, port, hostNetwork, environment, deadline.Token);
        string? failure;
        try
        {
            await container.StartAsync(deadline.Token);
            using var http = new HttpClient { BaseAddress = container.Address, Timeout = Timeout.InfiniteTimeSpan };
            failure = await container.WaitForPingAsync(http, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"{image} did not answer GET /ping within {timeout.TotalSeconds:0.#} s";
        }
        catch (Exception e) when (e is HttpRequestException or ContainerEngineException)
        {
            failure = $"{image} failed to start: {e.Message}";
        }

        if (failure is null)
        {
            return container;
        }

        var logs = await container.StopAndReadLogsAsync();
        await container.DisposeAsync();
        throw new ContainerEngineException(failure + (string.IsNullOrWhiteSpace(logs) ? "" : $"\ncontainer logs:\n{logs.Trim()}"));
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = Stopwatch.GetTimestamp();
        await _engine.StartContainerAsync(Id, cancellationToken);
    }

    /// <summary>Polls GET /ping until it answers 2xx (then null, and <see cref="StartToFirstPing"/> is set) or the container exits (the reason).</summary>
    public async Task<string?> WaitForPingAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync("ping", attempt.Token);
                if (response.IsSuccessStatusCode)
                {
                    StartToFirstPing = Stopwatch.GetElapsedTime(_started);
                    return null;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out; try again.
            }

            var state = await _engine.InspectContainerAsync(Id, cancellationToken);
            if (state.State is { Running: false } exited)
            {
                return $"the container exited (code {exited.ExitCode}) before answering GET /ping";
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    /// <summary>Kills the container, waits for it to stop (so the engine has every line) and returns its logs; null if the engine failed.</summary>
    public async Task<string?> StopAndReadLogsAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await TryAsync(async () => { await _engine.KillContainerAsync(Id, cleanup.Token); return ""; });
        await TryAsync(async () => (await _engine.WaitContainerAsync(Id, cleanup.Token)).ToString(CultureInfo.InvariantCulture));
        return await TryAsync(() => _engine.LogsAsync(Id, cleanup.Token));
    }

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await TryAsync(async () => { await _engine.RemoveContainerAsync(Id, cleanup.Token); return ""; });
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string?> TryAsync(Func<Task<string>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ContainerEngineException or OperationCanceledException or HttpRequestException)
        {
            return null;
        }
    }
}
