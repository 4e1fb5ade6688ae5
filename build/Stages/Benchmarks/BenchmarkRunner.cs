using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.MLNet;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// Trains every catalogued trainer on every benchmark data set with the peers' protocol (scikit-learn's own 80/20 split
/// with seed 42, stratified for classification: <see cref="FrameSplit"/> gives the same rows; every one-hot level kept)
/// and measures metric, fit time and batch-prediction throughput; then, in the same run, the peers on the very same
/// train and holdout rows (written to CSV for them), with the load average before and after each trainer's row.
/// </summary>
internal sealed class BenchmarkRunner(BenchmarkData data, PeerRunner? peers, string workDirectory, BuildLog log, int? threads)
{
    /// <summary>The peers' preprocessing: scikit-learn's OneHotEncoder keeps every level (our default keeps the 100 most frequent).</summary>
    private static readonly FeatureOptions EveryLevel = new() { MaxCategories = 100_000 };

    public double? FlightsPeakMiB { get; private set; }

    /// <summary>The whole-process peak before the last reset of the kernel's high-water mark (each trainer's row resets it).</summary>
    private double _peakBeforeReset;

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
            (string Train, string Holdout)? files = peers is null ? null : WriteSplit(benchmark, train, holdout);
            ReleaseGarbage();
            var text = train.Columns.Where(c => c.Kind == ColumnKind.Categorical && c.Name != benchmark.Label).Select(c => c.Name).ToArray();
            foreach (var trainer in benchmark.Trainers)
            {
                var loadBefore = ServingBenchmark.LoadAverage();
                var ours = Measure(benchmark, trainer, train, holdout);
                ReleaseGarbage();

                var peerResults = new List<PeerResult>();
                foreach (var model in files is null || BenchmarkCatalog.IsMLNet(trainer) ? [] : PeerRunner.ModelsFor(trainer))
                {
                    if (peers!.Run(model, benchmark.Task, benchmark.Label, files!.Value.Train, files.Value.Holdout, text) is { } result)
                    {
                        log.Information($"  {result.Library} {model}: {benchmark.PrimaryMetric} {result.Metric:0.0000}, fit {result.FitSeconds:F2} s" +
                            $"{(result.Iterations is { } n ? $" ({n} iterations)" : "")}, predict {result.PredictRowsPerSecond:N0} rows/s, peak {result.PeakMib:N0} MiB");
                        peerResults.Add(result);
                    }
                }

                rows.Add(ours with { Peers = peerResults, LoadBefore = loadBefore, LoadAfter = ServingBenchmark.LoadAverage(), LoadSeconds = load.Elapsed.TotalSeconds });
            }

            if (benchmark.Name == "flights")
            {
                FlightsPeakMiB = PeakMemoryMiB() is { } peak ? Math.Max(peak, _peakBeforeReset) : null;
            }

            if (files is { } written)
            {
                File.Delete(written.Train);
                File.Delete(written.Holdout);
            }
        }

        return rows;
    }

    private (string Train, string Holdout) WriteSplit(BenchmarkCase benchmark, Frame train, Frame holdout)
    {
        Directory.CreateDirectory(workDirectory);
        var files = (Path.Combine(workDirectory, $"{benchmark.Name}-train.csv"), Path.Combine(workDirectory, $"{benchmark.Name}-holdout.csv"));
        FrameCsvWriter.Write(train, files.Item1);
        FrameCsvWriter.Write(holdout, files.Item2);
        return files;
    }

    private BenchmarkRow Measure(BenchmarkCase benchmark, string trainer, Frame train, Frame holdout)
    {
        var mlnet = BenchmarkCatalog.IsMLNet(trainer);
        var spec = new TrainingSpec(benchmark.Task, benchmark.Label, new Dictionary<string, string>())
        {
            TrainerType = mlnet ? "mlnet" : trainer,
            Seed = 42,
            Threads = threads,
            Features = EveryLevel,
        };
        ResetPeak();
        var fit = Stopwatch.StartNew();
        IScoringModel model = mlnet ? MLNetTrainer.Fit(train, spec, trainer[BenchmarkCatalog.MLNetPrefix.Length..]) : ModelTrainer.Fit(train, spec);
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
        log.Information($"  ours {trainer}: {benchmark.PrimaryMetric} {metric:0.0000}, fit {fit.Elapsed.TotalSeconds:F2} s, predict {rowsPerSecond:N0} rows/s{afterFit} after the fit{PeakSoFar()} after predicting");
        return new BenchmarkRow(benchmark.Name, train.RowCount, trainer, metric, fit.Elapsed.TotalSeconds, rowsPerSecond, 0, [], "", "", PeakMemoryMiB());
    }

    /// <summary>
    /// Between stages (after the split drops the full frame, after a fit, after scoring) hands freed memory back to the OS,
    /// so that one stage's garbage does not add to the next stage's peak: the peak is the largest stage's own need.
    /// </summary>
    private static void ReleaseGarbage() => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// Starts a trainer's peak afresh: writing 5 to /proc/self/clear_refs resets the kernel's high-water mark (VmHWM) to
    /// the current resident size, so the row's peak is its own fit and prediction on top of the data already loaded.
    /// </summary>
    private void ResetPeak()
    {
        _peakBeforeReset = Math.Max(_peakBeforeReset, PeakMemoryMiB() ?? 0);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak stays the whole process's so far.
        }
    }

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
