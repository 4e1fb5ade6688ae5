using System.Diagnostics;
using System.Net;
using System.Text;
using ModelPipeline.Serving.Tests.Support;
using ModelPipeline.Testing;

namespace ModelPipeline.Serving.Tests;

/// <summary>
/// The server process's own stdout (what `docker logs` and CI show): buffered, but a rejected request's line appears while
/// the server keeps running; by default answered requests get no line; the start line names the model.
/// </summary>
[Collection(ChurnServerCollection.Name)]
public sealed class StandardOutputLogTests(ChurnServer churn)
{
    [Fact]
    public async Task ServerProcess_Default_RejectedRequestLineReachesStdoutWithoutShutdown_AnsweredOneHasNone()
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "ModelPipeline.Serving.dll"), "--model-dir", churn.ModelDirectory, "--port", $"{port}", "--host", "127.0.0.1"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { lock (lines) { lines.Add(line); } } };
        process.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitForAsync(async () => (await TryGetAsync(http, "ping")) == HttpStatusCode.OK, process);
            var body = RequestBodies.Split(churn.Data, [0, 1], [.. churn.Model.Schema.Inputs.Select(i => i.Name)]);
            using var scored = await http.PostAsync("invocations", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, scored.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, await TryGetAsync(http, "nowhere"));

            await WaitForAsync(() => Task.FromResult(Snapshot(lines).Any(l => l.Contains(" GET /nowhere 404 ", StringComparison.Ordinal))), process);
            var output = Snapshot(lines);
            Assert.Contains(output, l => l.Contains("serving churn 1.2.0", StringComparison.Ordinal));
            Assert.DoesNotContain(output, l => l.Contains(" POST /invocations ", StringComparison.Ordinal));
            Assert.False(process.HasExited);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static string[] Snapshot(List<string> lines)
    {
        lock (lines)
        {
            return [.. lines];
        }
    }

    private static async Task<HttpStatusCode?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (process.HasExited)
            {
                Assert.Fail($"the server exited ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the server");
            await Task.Delay(50);
        }
    }
}
