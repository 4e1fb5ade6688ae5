using ModelPipeline.Targets;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("Folder of the shared benchmark data sets (flights.csv.gz, churn.csv, ...)")]
    readonly string BenchmarkData = "../shared/data";

    [Parameter("Benchmark only these data sets (names as in docs/benchmarks.md); default: all")]
    readonly string[]? BenchmarkOnly;

    Target Benchmark => _ => _
        .Description("Train on every shared data set with scikit-learn's protocol and write docs/benchmarks.md beside its figures")
        .Produces("docs/benchmarks.md")
        .Executes(() =>
        {
            var cases = BenchmarkCatalog.All
                .Where(c => BenchmarkOnly is not { Length: > 0 } || BenchmarkOnly.Contains(c.Name, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            var runner = new BenchmarkRunner(Path.GetFullPath(BenchmarkData, RootDirectory), Log, Threads);
            var rows = runner.Run(cases);
            var markdown = BenchmarkReport.Markdown(rows, runner.FlightsPeakMiB, DateTimeOffset.UtcNow);
            var path = RootDirectory / "docs" / "benchmarks.md";
            File.WriteAllText(path, markdown);
            Log.Success($"Wrote {Path.GetRelativePath(RootDirectory, path)}");
        });
}
