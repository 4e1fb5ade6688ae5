using System.Diagnostics;
using System.Globalization;
using Docker.DotNet.Models;
using ModelPipeline.Containers.Engine;
using ModelPipeline.Containers.Smoke;

namespace ModelPipeline.Containers.Deploy;

/// <summary>
/// Runs a model server image as the one long-lived serving container under a stable name and host port. The new image
/// first runs beside the old container on a free port and must pass <see cref="ImageSmokeTest"/> (/ping, then
/// /invocations judged by the caller); a failure there leaves the old container untouched. Then a container of the new
/// image is created, the old one stopped (SIGTERM: the server finishes the requests in flight), the new one started on
/// the stable port and, once it answers /ping, the old one removed and the new one given the stable name. If the new
/// container does not come up, it is removed and the old one started again. The port cannot be held by two containers at
/// once, so between the old container's stop and the new one's first /ping new connections are refused:
/// <see cref="DeploymentResult.Switch"/> measures that window.
/// </summary>
public sealed class ServingDeployment(DockerEngineClient engine)
{
    /// <summary>Every serving container carries this label, valued with its stable name.</summary>
    public const string Label = "io.modelpipeline.deployment";

    /// <summary>The serving container called <paramref name="name"/>, or null when there is none.</summary>
    public Task<ContainerInspectResponse?> CurrentAsync(string name, CancellationToken cancellationToken = default) =>
        engine.TryInspectContainerAsync(name, cancellationToken);

    /// <exception cref="DeploymentFailedException">The new image did not pass or did not start; the old container still serves.</exception>
    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var old = await engine.TryInspectContainerAsync(request.Name, cancellationToken);
        if (old is not null && old.Config?.Labels?.ContainsKey(Label) != true)
        {
            throw new DeploymentFailedException($"a container named {request.Name} exists that ModelPipeline did not deploy; remove or rename it first");
        }

        var smoke = await new ImageSmokeTest(engine).RunAsync(request.Image, request.ContainerPort, request.InvocationsJson,
            request.CheckResponse, request.Timeout, cancellationToken);
        if (!smoke.Passed)
        {
            throw new DeploymentFailedException($"{request.Image} failed its smoke test, so it was not deployed: {smoke.Failure}; {StillServing(request, old)}",
                smoke.ContainerLogs);
        }

        var nextName = request.Name + "-next";
        await engine.RemoveContainerAsync(nextName, cancellationToken); // left by a deploy that was killed half-way
        var id = await engine.CreateContainerAsync(Spec(request), nextName, cancellationToken);
        var wasRunning = old is { State.Running: true };
        var window = Stopwatch.StartNew();
        string? failure;
        try
        {
            if (wasRunning)
            {
                await engine.StopContainerAsync(old!.ID, 10, cancellationToken);
            }

            await engine.StartContainerAsync(id, cancellationToken);
            failure = await WaitForPingAsync(id, request, cancellationToken);
        }
        catch (ContainerEngineException e)
        {
            failure = e.Message;
        }

        if (failure is not null)
        {
            var logs = await TryAsync(() => engine.LogsAsync(id));
            await TryAsync(async () => { await engine.RemoveContainerAsync(id); return ""; });
            if (wasRunning)
            {
                await engine.StartContainerAsync(old!.ID);
            }

            throw new DeploymentFailedException($"{request.Image} did not come up on port {request.HostPort}: {failure}; {StillServing(request, old)}", logs);
        }

        var switchWindow = window.Elapsed;
        if (old is not null)
        {
            await engine.RemoveContainerAsync(old.ID, cancellationToken);
        }

        await engine.RenameContainerAsync(id, request.Name, cancellationToken);
        return new DeploymentResult(request.Name, request.Image, old?.Config?.Image, id, smoke.StartToFirstPing, switchWindow);
    }

    private static CreateContainerParameters Spec(DeploymentRequest request)
    {
        var portKey = $"{request.ContainerPort.ToString(CultureInfo.InvariantCulture)}/tcp";
        return new CreateContainerParameters
        {
            Image = request.Image,
            Labels = new Dictionary<string, string> { [Label] = request.Name },
            ExposedPorts = new Dictionary<string, EmptyStruct> { [portKey] = default },
            HostConfig = new HostConfig
            {
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    [portKey] = [new PortBinding { HostIP = "127.0.0.1", HostPort = request.HostPort.ToString(CultureInfo.InvariantCulture) }],
                },
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
            },
        };
    }

    /// <summary>Polls GET /ping on the stable port until it answers 2xx (null), the container exits, or the time is up (the reason).</summary>
    private async Task<string?> WaitForPingAsync(string id, DeploymentRequest request, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{request.HostPort.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < request.Timeout)
        {
            try
            {
                using var response = await http.GetAsync("ping", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if ((await engine.InspectContainerAsync(id, cancellationToken)).State is { } state && (!state.Running || state.Restarting))
            {
                return $"the container exited (code {state.ExitCode}) before answering GET /ping";
            }

            await Task.Delay(5, cancellationToken);
        }

        return $"no answer to GET /ping within {request.Timeout.TotalSeconds:0.#} s";
    }

    private static string StillServing(DeploymentRequest request, ContainerInspectResponse? old) => old is { State.Running: true }
        ? $"{request.Name} still serves {old.Config?.Image}"
        : $"nothing was serving as {request.Name} before, and nothing is now";

    private static async Task<string?> TryAsync(Func<Task<string>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ContainerEngineException or OperationCanceledException)
        {
            return null;
        }
    }
}
