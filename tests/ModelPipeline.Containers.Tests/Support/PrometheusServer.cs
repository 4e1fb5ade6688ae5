using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ModelPipeline.Testing;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>
/// A real Prometheus (Debian's /usr/bin/prometheus) on a free loopback port with a generated config that scrapes one
/// target every second and a temporary storage folder; queried through its HTTP API (/api/v1/query). Killed and its
/// folder deleted on dispose.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    public const string Job = "modelpipeline";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Whether Debian's prometheus is installed here.</summary>
    public static bool IsInstalled => File.Exists(Binary);

    /// <summary>Throws when CI=true and Prometheus is missing; false (nothing to test) when it is missing elsewhere.</summary>
    public static bool Require() => IsInstalled
        || (Environment.GetEnvironmentVariable("CI") == "true"
            ? throw new InvalidOperationException($"{Binary} is required on CI (Debian package 'prometheus'; scripts/start-services.sh prometheus)")
            : false);

    /// <summary>Starts Prometheus scraping http://<paramref name="target"/>/metrics every second and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string target)
    {
        var directory = Directory.CreateTempSubdirectory("modelpipeline-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: {Job}
                scrape_interval: 1s
                scrape_timeout: 1s
                static_configs:
                  - targets: ['{target}']
            """);
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var argument in (string[])[$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                     $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--log.level=warn"])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new PrometheusServer(Process.Start(start)!, directory, port);
        server._process.OutputDataReceived += (_, e) => server.Collect(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Collect(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var ready = await server._http.GetAsync("-/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (server._process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                var output = server.Output;
                await server.DisposeAsync();
                throw new InvalidOperationException($"prometheus did not become ready:\n{output}");
            }

            await Task.Delay(100);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The result vector of an instant query (<c>data.result</c>); throws when the API answers an error.</summary>
    public async Task<JsonArray> QueryAsync(string promql)
    {
        var body = await _http.GetStringAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}");
        var answer = JsonNode.Parse(body)!;
        return answer["status"]?.GetValue<string>() == "success"
            ? answer["data"]!["result"]!.AsArray()
            : throw new InvalidOperationException($"prometheus query {promql} failed: {body}");
    }

    /// <summary>Polls <paramref name="promql"/> until it returns at least one series (Prometheus has scraped), or fails after 60 s.</summary>
    public async Task<JsonArray> WaitForAsync(string promql)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var result = await QueryAsync(promql);
            if (result.Count > 0)
            {
                return result;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                var targets = await _http.GetStringAsync("api/v1/targets");
                throw new InvalidOperationException($"prometheus has no {promql} after 60 s; targets: {targets}\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
