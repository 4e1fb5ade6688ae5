using System.Diagnostics;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>
/// The real Docker engine and registry the container tests use (and busybox, skopeo, Prometheus). Starts them with scripts/start-services.sh (as root)
/// when they are not running; when that is impossible every test using it FAILS with the reason (never skips).
/// </summary>
public sealed class ContainerServices : IAsyncLifetime
{
    public const string Registry = "127.0.0.1:5000";
    public const string Busybox = "/bin/busybox";

    private string? _problem;
    private DockerEngineClient? _engine;

    /// <summary>A connected engine client, or an exception with why there is none.</summary>
    public DockerEngineClient Engine => _engine ?? throw new InvalidOperationException($"container services unavailable: {_problem}");

    /// <summary>Throws (failing the test) when the registry or busybox is missing.</summary>
    public void RequireRegistry()
    {
        if (_problem is not null)
        {
            throw new InvalidOperationException($"container services unavailable: {_problem}");
        }
    }

    public async Task InitializeAsync()
    {
        var connection = await DockerEngine.TryConnectAsync();
        var needed = !connection.IsConnected || !await RegistryAnswersAsync() || !File.Exists(Busybox);
        if (needed || !PrometheusServer.IsInstalled)
        {
            var (exitCode, output) = await RunStartServicesAsync();
            // Prometheus alone missing (not root): the other tests still run; the scrape test says what is missing.
            if (exitCode != 0 && needed)
            {
                _problem = $"scripts/start-services.sh exited {exitCode}: {output.Trim()} (CI={Environment.GetEnvironmentVariable("CI")})";
                return;
            }

            connection = await DockerEngine.TryConnectAsync();
        }

        if (!connection.IsConnected)
        {
            _problem = connection.Reason;
            return;
        }

        if (!await RegistryAnswersAsync())
        {
            _problem = $"no registry answering at http://{Registry}/v2/";
            connection.Client!.Dispose();
            return;
        }

        _engine = connection.Client;
    }

    public Task DisposeAsync()
    {
        _engine?.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<bool> RegistryAnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync($"http://{Registry}/v2/");
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunStartServicesAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot.Path, "scripts", "start-services.sh"));
        start.ArgumentList.Add("busybox-static");
        start.ArgumentList.Add("skopeo");
        start.ArgumentList.Add("prometheus");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
