using System.Diagnostics;
using System.Globalization;
using System.Text;
using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.Monitoring;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// "## Monitoring": profile and drift on the 3M-row flights table (issue #7: at most 2 s for all features). The
/// profile is made as a run makes it (training rows, holdout predictions from the evaluation); Monitor's drift runs on
/// all 3M rows with their labels (decay on auc) and logged predictions, so model scoring is not part of either figure.
/// </summary>
internal sealed class MonitorBenchmark(BenchmarkData data, BuildLog log)
{
    public const string Name = "monitoring";
    public const string Heading = "## Monitoring";
    private const int Repeats = 3;

    public string Run()
    {
        var frame = data.Flights();
        var (trainRows, holdoutRows) = FrameSplit.TrainHoldout(frame, 0.2, 42, "delayed");
        var train = frame.Take(trainRows);
        var holdout = frame.Take(holdoutRows);
        var spec = new TrainingSpec(TaskKind.Binary, "delayed", new Dictionary<string, string>()) { TrainerType = "logistic_regression", Seed = 42 };
        var model = ModelTrainer.Fit(train.Take([.. Enumerable.Range(0, 100_000)]), spec);
        var evaluation = ModelEvaluator.Score(model.Predict(holdout), model.ReadTargets(holdout));
        var logged = model.Predict(frame);
        var rules = new DriftRules { DecayMetric = "auc" };
        var loadBefore = ServingBenchmark.LoadAverage();

        ReferenceProfile? profile = null;
        var profiling = Measure(() => profile = ReferenceProfile.Build(train, model, holdout, evaluation.Predictions, evaluation.Metrics.Values));
        DriftResult? result = null;
        var drift = Measure(() => result = DriftDetector.Detect(profile!, model, frame, rules, logged));
        var loadAfter = ServingBenchmark.LoadAverage();
        log.Information($"monitoring: profile {profiling.Wall:F2} s (CPU {profiling.Cpu:F2} s), drift {drift.Wall:F2} s (CPU {drift.Cpu:F2} s): {result!.Verdict}");

        var text = new StringBuilder();
        text.AppendLine($"{Heading}: profile and drift on flights ({frame.RowCount:N0} rows, {profile!.Features.Count} features)");
        text.AppendLine();
        text.AppendLine($"Written by `./build.sh Benchmark --benchmark-only {Name}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores shared with other work: **load average {loadBefore} before, {loadAfter} after** (1/5/15 min). " +
            $"Best of {Repeats} warm runs; CPU = this process's CPU time. Profile: {train.RowCount:N0} training rows, the holdout's " +
            $"{holdout.RowCount:N0} predictions from the evaluation, forest on 100,000 rows. Drift: every row with its label " +
            "(feature, prediction and label drift; decay on auc with its bootstrap interval; anomalies on 100,000 rows); " +
            "predictions as logged by the server (scoring excluded).");
        text.AppendLine();
        text.AppendLine("| step | wall s | CPU s |");
        text.AppendLine("|---|---:|---:|");
        text.AppendLine($"| `ReferenceProfile.Build` | {F2(profiling.Wall)} | {F2(profiling.Cpu)} |");
        text.AppendLine($"| `DriftDetector.Detect` | {F2(drift.Wall)} | {F2(drift.Cpu)} |");
        text.AppendLine($"| both | {F2(profiling.Wall + drift.Wall)} | {F2(profiling.Cpu + drift.Cpu)} |");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---|---|");
        var both = profiling.Wall + drift.Wall;
        text.AppendLine($"| profile + drift on 3M flights rows ≤ 2 s | {F2(both)} s | {(both <= 2 ? "yes" : "**no**")} |");
        return text.ToString();
    }

    /// <summary>The fastest of <see cref="Repeats"/> runs (wall and CPU seconds of that run).</summary>
    internal static (double Wall, double Cpu) Measure(Action action)
    {
        var best = (Wall: double.MaxValue, Cpu: 0.0);
        for (var i = 0; i < Repeats; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            action();
            wall.Stop();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            if (wall.Elapsed.TotalSeconds < best.Wall)
            {
                best = (wall.Elapsed.TotalSeconds, used);
            }
        }

        return best;
    }

    internal static string F2(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
