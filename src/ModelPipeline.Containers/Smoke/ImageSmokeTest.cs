using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Smoke;

/// <summary>
/// Runs an image, waits for GET /ping, POSTs a JSON body to /invocations and lets the caller judge the answer. The
/// container port is published on a free 127.0.0.1 port (or, with <see cref="UseHostNetwork"/>, the container shares the
/// host network and is told the free port through PORT/ASPNETCORE_HTTP_PORTS); the container is always removed afterwards.
/// </summary>
public sealed class ImageSmokeTest(DockerEngineClient engine)
{
    /// <summary>Run with --network host (faster, and works on engines without the default bridge).</summary>
    public bool UseHostNetwork { get; init; }

    /// <param name="image">Image reference or id.</param>
    /// <param name="port">The port the server listens on inside the container (8080 for model images).</param>
    /// <param name="invocationsJson">Body for POST /invocations.</param>
    /// <param name="checkResponse">Given the response body: null when it is right, else the reason it is wrong.</param>
    /// <param name="timeout">Limit for start-to-ping plus the invocation.</param>
    public async Task<SmokeTestResult> RunAsync(string image, int port, string invocationsJson, Func<string, string?> checkResponse,
        TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var hostPort = FreeLoopbackPort();
        var portKey = $"{port}/tcp";
        var hostPortText = hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var spec = new JsonObject
        {
            ["Image"] = image,
            ["Labels"] = new JsonObject { ["io.modelpipeline.smoke-test"] = "true" },
        };
        if (UseHostNetwork)
        {
            spec["Env"] = new JsonArray($"PORT={hostPortText}", $"ASPNETCORE_HTTP_PORTS={hostPortText}");
            spec["HostConfig"] = new JsonObject { ["NetworkMode"] = "host" };
        }
        else
        {
            spec["ExposedPorts"] = new JsonObject { [portKey] = new JsonObject() };
            spec["HostConfig"] = new JsonObject
            {
                ["PortBindings"] = new JsonObject
                {
                    [portKey] = new JsonArray(new JsonObject { ["HostIp"] = "127.0.0.1", ["HostPort"] = hostPortText }),
                },
            };
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string? id = null;
        var startToPing = TimeSpan.Zero;
        var invocationTime = TimeSpan.Zero;
        int? status = null;
        string? body = null;
        string? failure;
        try
        {
            id = await engine.CreateContainerAsync(spec, $"modelpipeline-smoke-{Guid.NewGuid():N}"[..32], deadline.Token);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/"), Timeout = Timeout.InfiniteTimeSpan };
            var clock = Stopwatch.StartNew();
            await engine.StartContainerAsync(id, deadline.Token);
            failure = await WaitForPingAsync(http, id, deadline.Token);
            startToPing = clock.Elapsed;
            if (failure is null)
            {
                var call = Stopwatch.StartNew();
                using var content = new StringContent(invocationsJson, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("invocations", content, deadline.Token);
                body = await response.Content.ReadAsStringAsync(deadline.Token);
                invocationTime = call.Elapsed;
                status = (int)response.StatusCode;
                failure = response.IsSuccessStatusCode
                    ? checkResponse(body)
                    : $"POST /invocations answered {(int)response.StatusCode}: {Shorten(body)}";
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"smoke test of {image} did not finish within {timeout.TotalSeconds:0.#} s";
        }
        catch (Exception e) when (e is HttpRequestException or ContainerEngineException)
        {
            failure = $"smoke test of {image} failed: {e.Message}";
        }

        string? logs = null;
        if (id is not null)
        {
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            if (failure is not null)
            {
                // Stop it first so the engine has copied every line the server wrote.
                await TryAsync(async () => { await engine.KillContainerAsync(id, cleanup.Token); return ""; });
                await TryAsync(async () => (await engine.WaitContainerAsync(id, cleanup.Token)).ToString(System.Globalization.CultureInfo.InvariantCulture));
                logs = await TryAsync(() => engine.LogsAsync(id, cleanup.Token));
            }

            await TryAsync(async () => { await engine.RemoveContainerAsync(id, cleanup.Token); return ""; });
        }

        return new SmokeTestResult(failure is null, failure, hostPort, startToPing, invocationTime, status, body, logs);
    }

    private async Task<string?> WaitForPingAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                using var response = await http.GetAsync("ping", attempt.Token);
                if (response.IsSuccessStatusCode)
                {
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

            var state = await engine.InspectContainerAsync(id, cancellationToken);
            if (state["State"]?["Running"]?.GetValue<bool>() == false)
            {
                return $"the container exited (code {state["State"]?["ExitCode"]}) before answering GET /ping";
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

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
