using System.Diagnostics;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>
/// The real Docker engine the container tests use (and busybox, skopeo, Prometheus, docker-registry). Starts them with
/// scripts/start-services.sh (as root) when they are not running; when that is impossible every test using it FAILS with
/// the reason (never skips). The tests push to a registry of their own (<see cref="TestRegistry"/>), never the user's,
/// name their images under <see cref="Namespace"/>, and leave neither behind: <see cref="DisposeAsync"/> removes them.
/// </summary>
public sealed class ContainerServices : IAsyncLifetime
{
    public const string Busybox = "/bin/busybox";

    private const string ServicesRegistry = "127.0.0.1:5000";

    private string? _problem;
    private DockerEngineClient? _engine;
    private TestRegistry? _registry;

    /// <summary>host:port of the tests' own registry (set before the first test of the collection runs).</summary>
    public static string Registry { get; private set; } = "";

    /// <summary>The first path segment of every image name the tests build (unique to this test process).</summary>
    public static string Namespace { get; private set; } = "";

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
            _problem = $"no registry answering at http://{ServicesRegistry}/v2/";
            connection.Client!.Dispose();
            return;
        }

        try
        {
            _registry = await TestRegistry.StartAsync();
        }
        catch (InvalidOperationException e)
        {
            _problem = e.Message;
            connection.Client!.Dispose();
            return;
        }

        (Registry, Namespace) = (_registry.Address, _registry.Namespace);
        _engine = connection.Client;
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            if (_engine is not null)
            {
                await _registry.RemoveImagesAsync(_engine);
            }

            await _registry.DisposeAsync();
        }

        _engine?.Dispose();
    }

    private static async Task<bool> RegistryAnswersAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync($"http://{ServicesRegistry}/v2/");
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
