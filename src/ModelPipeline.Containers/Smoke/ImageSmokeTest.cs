using System.Diagnostics;
using System.Text;
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
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        RunningContainer? container = null;
        var invocationTime = TimeSpan.Zero;
        int? status = null;
        string? body = null;
        string? failure;
        try
        {
            container = await RunningContainer.CreateAsync(engine, image, port, UseHostNetwork, cancellationToken: deadline.Token);
            using var http = new HttpClient { BaseAddress = container.Address, Timeout = Timeout.InfiniteTimeSpan };
            await container.StartAsync(deadline.Token);
            failure = await container.WaitForPingAsync(http, deadline.Token);
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
        if (container is not null)
        {
            if (failure is not null)
            {
                logs = await container.StopAndReadLogsAsync();
            }

            await container.DisposeAsync();
        }

        return new SmokeTestResult(failure is null, failure, container?.HostPort ?? 0, container?.StartToFirstPing ?? TimeSpan.Zero,
            invocationTime, status, body, logs);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
