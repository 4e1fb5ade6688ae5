using System.Net;
using System.Text;
using ModelPipeline.Data;
using ModelPipeline.Training;
using Xunit.Abstractions;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// The soak benchmark (issue 16) run short: its section in docs/benchmarks.md has the probe, warm-up and every window,
/// and the goals; a server that answers 5xx (or another unexpected status) fails it loudly, naming the counts.
/// </summary>
public sealed partial class SoakBenchmarkTests(ITestOutputHelper testOutput)
{
    [Fact]
    public void Benchmark_Soak60Seconds_OnTheModelServer_WritesTheSectionWithNoErrors()
    {
        using var workspace = new PipelineWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.Root, "docs"));
        File.WriteAllText(Path.Combine(workspace.Root, "docs", "benchmarks.md"), "# Benchmarks\n\n## Serving: kept\n\nserving figures\n");

        var (exit, output) = workspace.Build("Benchmark", "--benchmark-only", "soak", "--soak-seconds", "60");

        Assert.True(exit == 0, output);
        var document = File.ReadAllText(Path.Combine(workspace.Root, "docs", "benchmarks.md"));
        Assert.Contains("## Serving: kept\n\nserving figures", document);
        var section = document[document.IndexOf(SoakReport.Heading, StringComparison.Ordinal)..];
        testOutput.WriteLine(section);
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("| window | s | req/s | as expected | 5xx |", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("| probe (closed loop) | 10 |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| warm-up | 6 |", StringComparison.Ordinal));
        var windows = rows.Where(r => WindowRow().IsMatch(r)).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"| {i} | 6 |"), windows.Select(r => WindowRow().Match(r).Value));
        Assert.Contains(rows, r => r.StartsWith("| 0 responses 5xx", StringComparison.Ordinal) && r.Contains("| 0 5xx, 0 other, 0 failed | yes |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| RSS flat within 10%", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| p99 stable", StringComparison.Ordinal));
        Assert.Contains("load average ", section);
        foreach (var window in windows)
        {
            var cells = window.Split('|', StringSplitOptions.TrimEntries);
            Assert.True(double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture) > 0, window); // req/s
            Assert.True(double.Parse(cells[12], System.Globalization.CultureInfo.InvariantCulture) > 10, window); // RSS MiB
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\| [0-9]+ \| [0-9]+ \|")]
    private static partial System.Text.RegularExpressions.Regex WindowRow();

    [Fact]
    public async Task Soak_ServerAnswering500_FailsLoudlyWithTheCountsAndTheFirstFailure()
    {
        var port = LoopbackPort.Free();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var answered = 0;
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using var reader = new StreamReader(context.Request.InputStream);
                    var body = await reader.ReadToEndAsync();
                    var status = Interlocked.Increment(ref answered) % 50 == 0 ? 500
                        : body.EndsWith("]]}}", StringComparison.Ordinal) && !body.Contains("no_such_column", StringComparison.Ordinal) && !body.Contains("not a number", StringComparison.Ordinal) ? 200
                        : 400;
                    var answer = Encoding.UTF8.GetBytes(status == 500 ? "{\"error_code\":\"INTERNAL_ERROR\"}" : "{}");
                    context.Response.StatusCode = status;
                    context.Response.ContentLength64 = answer.Length;
                    await context.Response.OutputStream.WriteAsync(answer);
                    context.Response.Close();
                });
            }
        });
        var schema = new ModelSchema(TaskKind.Binary, "y", ["0", "1"], [new InputColumn("x", ColumnKind.Numeric, []), new InputColumn("c", ColumnKind.Categorical, ["a"])]);
        var mix = SoakBenchmark.Mix("{\"dataframe_split\":{\"columns\":[\"x\",\"c\"],\"data\":[[1.5,\"a\"]]}}",
            "{\"dataframe_split\":{\"columns\":[\"x\",\"c\"],\"data\":[[1.5,\"a\"],[2.5,\"a\"]]}}", schema);
        var load = new SoakLoad(new Uri($"http://127.0.0.1:{port}/invocations"), mix, () => SoakBenchmark.Rss(Environment.ProcessId));

        var figures = await load.RunAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 3, TimeSpan.FromSeconds(1), 0.5);
        listener.Stop();
        await serving;

        Assert.Equal(3, figures.Windows.Count);
        Assert.True(figures.ServerErrors > 0, $"{figures.ServerErrors} 5xx of {answered}");
        Assert.Equal(0, figures.Unexpected + figures.Failed);
        Assert.Contains("{\"error_code\":\"INTERNAL_ERROR\"}", figures.FirstFailures[0]);
        Assert.Contains("| 0 responses 5xx (and no other unexpected status, no failed request) |", SoakReport.Section(figures));
        Assert.Contains(" failed | **no** |", SoakReport.Section(figures));
        var failure = Assert.Throws<InvalidOperationException>(() => SoakBenchmark.Check(figures));
        Assert.StartsWith($"soak: {figures.ServerErrors:N0} answers 5xx, 0 with another unexpected status, 0 requests failed; first:\n  ", failure.Message);
    }
}
