using ModelPipeline.Containers.Engine;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("Folder the benchmark caches fetched data in (flights-3m.parquet from the npm package vega-datasets 3.2.1, sha256-checked); default ~/.cache/modelpipeline")]
    readonly string? BenchmarkCache;

    [Parameter("Benchmark only these data sets (names as in docs/benchmarks.md) and/or 'serving' (model server vs. Kestrel vs. Flask) and/or 'monitoring' (profile + drift on flights); default: all")]
    readonly string[]? BenchmarkOnly;

    Target Benchmark => _ => _
        .Description("Train on every benchmark data set (repository data/, flights fetched from the npm package vega-datasets) with scikit-learn's protocol, load-test the model server, time profile + drift on flights; write docs/benchmarks.md beside the peers' figures")
        .Produces("docs/benchmarks.md")
        .Executes(async () =>
        {
            bool Selected(string name) => BenchmarkOnly is not { Length: > 0 } || BenchmarkOnly.Contains(name, StringComparer.OrdinalIgnoreCase);
            var path = RootDirectory / "docs" / "benchmarks.md";
            var existing = File.Exists(path) ? File.ReadAllText(path) : "";
            var markdown = existing;
            var cases = BenchmarkCatalog.All.Where(c => Selected(c.Name)).ToArray();
            var data = new BenchmarkData(RootDirectory, new BenchmarkDataCache(BenchmarkCache ?? BenchmarkDataCache.DefaultDirectory, Log), Log);
            if (cases.Length > 0)
            {
                var runner = new BenchmarkRunner(data, Log, Threads);
                var rows = runner.Run(cases);
                markdown = BenchmarkReport.Markdown(rows, runner.FlightsPeakMiB, data.FlightsSeconds, DateTimeOffset.UtcNow);
            }

            var serving = ServingBenchmarkReport.Find(existing);
            if (Selected(ServingBenchmark.Name))
            {
                serving = await RunServingBenchmarkAsync() ?? serving;
            }

            var monitoring = MarkdownSection.Find(existing, MonitorBenchmark.Heading);
            if (Selected(MonitorBenchmark.Name))
            {
                monitoring = new MonitorBenchmark(data, Log).Run();
            }

            File.WriteAllText(path, MarkdownSection.Splice(ServingBenchmarkReport.Splice(markdown, serving), MonitorBenchmark.Heading, monitoring));
            Log.Success($"Wrote {Path.GetRelativePath(RootDirectory, path)}");
        });

    /// <summary>The serving section, or null (with a warning) when there is no Docker engine to run it on.</summary>
    async Task<string?> RunServingBenchmarkAsync()
    {
        StartServices(ServingBenchmark.Packages);
        var connection = await DockerEngine.TryConnectAsync();
        if (connection.Client is not { } engine)
        {
            Log.Warning($"serving benchmark skipped: {connection.Reason}");
            return null;
        }

        using (engine)
        {
            var figures = await new ServingBenchmark(Run.SourceRoot, Path.Combine(RootDirectory, "data"), Log).RunAsync(engine);
            return ServingBenchmarkReport.Section(figures);
        }
    }
}
