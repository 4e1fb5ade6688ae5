using ModelPipeline.Containers.Engine;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("Folder the benchmark caches fetched data in (flights-3m.parquet from the npm package vega-datasets 3.2.1, sha256-checked); default ~/.cache/modelpipeline")]
    readonly string? BenchmarkCache;

    [Parameter("Benchmark only these data sets (names as in docs/benchmarks.md) and/or 'serving' (model server vs. Kestrel vs. Flask) and/or 'monitoring' (profile + drift on flights) and/or 'explain' (TreeSHAP + permutation importance on flights) and/or 'soak' (the model server at 80% of its maximum for --soak-seconds); default: all")]
    readonly string[]? BenchmarkOnly;

    [Parameter("How long the soak benchmark loads the model server after its warm-up (a tenth of this): seconds, at least 10 (issue 16: 600)")]
    readonly int SoakSeconds = 600;

    Target Benchmark => _ => _
        .Description("Train on every benchmark data set (from the repository; flights fetched once from the npm package vega-datasets) with scikit-learn's protocol and run the peers (scikit-learn, XGBoost) on the same rows in the same run; load-test the model server; time profile + drift on flights; write docs/benchmarks.md")
        .Produces("docs/benchmarks.md")
        .Executes(async () =>
        {
            bool Selected(string name) => BenchmarkOnly is not { Length: > 0 } || BenchmarkOnly.Contains(name, StringComparer.OrdinalIgnoreCase);
            var path = RootDirectory / "docs" / "benchmarks.md";
            var existing = File.Exists(path) ? File.ReadAllText(path) : "";
            var markdown = existing;
            var cases = BenchmarkCatalog.All.Where(c => Selected(c.Name)).ToArray();
            var data = new BenchmarkData(RootDirectory, new BenchmarkDataCache(BenchmarkCache ?? BenchmarkDataCache.DefaultDirectory, Log), Log);
            IReadOnlyList<BenchmarkRow> measured = [];
            if (cases.Length > 0)
            {
                var peers = InstallPeers() ? new PeerRunner(Path.Combine(Run.SourceRoot, "build", "Stages", "Benchmarks", "peers.py"), Log) : null;
                var runner = new BenchmarkRunner(data, peers, Path.Combine(RootDirectory, ".tmp", "benchmark-peers"), Log, Threads);
                measured = runner.Run(cases);
                markdown = BenchmarkReport.Markdown(measured, BenchmarkReport.KeptRows(existing, measured), runner.FlightsPeakMiB, data.FlightsSeconds, DateTimeOffset.UtcNow);
            }

            var mlnet = MLNetBenchmarkReport.Section(measured, existing);

            var serving = ServingBenchmarkReport.Find(existing);
            if (Selected(ServingBenchmark.Name))
            {
                serving = await RunServingBenchmarkAsync() ?? serving;
            }

            var explanations = MarkdownSection.Find(existing, ExplainBenchmark.Heading);
            if (Selected(ExplainBenchmark.Name))
            {
                explanations = new ExplainBenchmark(data, Log).Run();
            }

            var monitoring = MarkdownSection.Find(existing, MonitorBenchmark.Heading);
            if (Selected(MonitorBenchmark.Name))
            {
                monitoring = new MonitorBenchmark(data, Log).Run();
            }

            SoakFigures? soak = null;
            if (Selected(SoakBenchmark.Name))
            {
                if (SoakSeconds < 10)
                {
                    throw new InputMistakeException($"--soak-seconds must be at least 10; got {SoakSeconds}.");
                }

                soak = await new SoakBenchmark(Run.SourceRoot, Path.Combine(RootDirectory, "data"), Log).RunAsync(TimeSpan.FromSeconds(SoakSeconds));
            }

            markdown = MarkdownSection.Splice(markdown, MLNetBenchmarkReport.Heading, mlnet);
            markdown = MarkdownSection.Splice(ServingBenchmarkReport.Splice(markdown, serving), MonitorBenchmark.Heading, monitoring);
            markdown = MarkdownSection.Splice(markdown, ExplainBenchmark.Heading, explanations);
            markdown = MarkdownSection.Splice(markdown, SoakReport.Heading, soak is null ? null : SoakReport.Section(soak));
            File.WriteAllText(path, MarkdownSection.KeepOthers(markdown, existing));
            Log.Success($"Wrote {Path.GetRelativePath(RootDirectory, path)}");
            if (soak is not null)
            {
                SoakBenchmark.Check(soak); // after the figures are written: a failed soak's section names its failures
            }
        });

    /// <summary>Installs the peers' Debian packages (as root; scripts/start-services.sh with PACKAGES_ONLY=1); false (with a warning) when they are missing.</summary>
    bool InstallPeers()
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(Run.SourceRoot, "scripts", "start-services.sh"), .. PeerRunner.Packages]);
        info.Environment["PACKAGES_ONLY"] = "1";
        using var process = System.Diagnostics.Process.Start(info)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Log.Warning($"benchmark peers skipped: {string.Join(' ', PeerRunner.Packages)} could not be installed (exit {process.ExitCode}; run as root)");
            return false;
        }

        return true;
    }

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
