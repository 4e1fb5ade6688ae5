using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// Trains every catalogued trainer on every shared data set with the peers' protocol (scikit-learn's own 80/20 split
/// with seed 42, stratified for classification: <see cref="FrameSplit"/> gives the same rows; every one-hot level kept)
/// and measures metric, fit time and batch-prediction throughput.
/// </summary>
internal sealed class BenchmarkRunner(BenchmarkData data, BuildLog log, int? threads)
{
    /// <summary>The peers' preprocessing: scikit-learn's OneHotEncoder keeps every level (our default keeps the 100 most frequent).</summary>
    private static readonly FeatureOptions EveryLevel = new() { MaxCategories = 100_000 };

    public double? FlightsPeakMiB { get; private set; }

    public IReadOnlyList<BenchmarkRow> Run(IEnumerable<BenchmarkCase> cases)
    {
        var rows = new List<BenchmarkRow>();
        foreach (var benchmark in cases)
        {
            var load = Stopwatch.StartNew();
            var frame = data.Load(benchmark);
            load.Stop();
            if (frame is null)
            {
                continue;
            }

            var (trainRows, holdoutRows) = FrameSplit.TrainHoldout(frame, 0.2, 42,
                benchmark.Task == TaskKind.Regression ? null : benchmark.Label);
            var train = frame.Take(trainRows);
            var holdout = frame.Take(holdoutRows);
            frame = null;
            ReleaseGarbage();
            log.Information($"{benchmark.Name}: {train.RowCount:N0} train / {holdout.RowCount:N0} holdout rows, read in {load.Elapsed.TotalSeconds:F2} s{PeakSoFar()}");
            foreach (var peer in benchmark.Peers)
            {
                rows.Add(Measure(benchmark, peer, train, holdout, load.Elapsed.TotalSeconds));
                ReleaseGarbage();
            }

            if (benchmark.Name == "flights")
            {
                FlightsPeakMiB = PeakMemoryMiB();
            }
        }

        data.Release();

        return rows;
    }

    private BenchmarkRow Measure(BenchmarkCase benchmark, PeerFigure peer, Frame train, Frame holdout, double loadSeconds)
    {
        var spec = new TrainingSpec(benchmark.Task, benchmark.Label, new Dictionary<string, string>())
        {
            TrainerType = peer.Trainer,
            Seed = 42,
            Threads = threads,
            Features = EveryLevel,
        };
        var fit = Stopwatch.StartNew();
        var model = ModelTrainer.Fit(train, spec);
        fit.Stop();
        var afterFit = PeakSoFar();
        ReleaseGarbage();
        var metric = ModelEvaluator.Score(model.Predict(holdout, threads), model.ReadTargets(holdout)).Metrics[benchmark.PrimaryMetric];
        ReleaseGarbage();

        // Batch prediction timed call by call, garbage released between calls (untimed) so that repeated calls do
        // not pile up garbage that the whole-process peak would count.
        var repeat = new Stopwatch();
        long scored = 0;
        do
        {
            repeat.Start();
            model.Predict(holdout, threads);
            repeat.Stop();
            scored += holdout.RowCount;
            ReleaseGarbage();
        }
        while (repeat.Elapsed < TimeSpan.FromSeconds(0.5));
        var rowsPerSecond = scored / repeat.Elapsed.TotalSeconds;
        log.Information($"  {peer.Trainer}: {benchmark.PrimaryMetric} {metric:0.0000} (sklearn {peer.Metric:0.0000}), fit {fit.Elapsed.TotalSeconds:F2} s (sklearn {peer.FitSeconds} s), predict {rowsPerSecond:N0} rows/s{afterFit} after the fit{PeakSoFar()} after predicting");
        return new BenchmarkRow(benchmark.Name, train.RowCount, peer, metric, fit.Elapsed.TotalSeconds, rowsPerSecond, loadSeconds);
    }

    /// <summary>
    /// Between stages (after the split drops the full frame, after a fit, after scoring) hands freed memory back to the OS,
    /// so that one stage's garbage does not add to the next stage's peak: the peak is the largest stage's own need.
    /// </summary>
    private static void ReleaseGarbage() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    private static string PeakSoFar() => PeakMemoryMiB() is { } peak ? $"; peak memory so far {peak:N0} MiB" : "";

    /// <summary>The process's peak resident memory so far (VmHWM), in MiB.</summary>
    private static double? PeakMemoryMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
