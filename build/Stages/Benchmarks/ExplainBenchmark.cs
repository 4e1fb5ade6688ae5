using System.Text;
using ModelPipeline.Data;
using ModelPipeline.Evaluation;
using ModelPipeline.Targets;
using ModelPipeline.Training;
using static ModelPipeline.Build.MonitorBenchmark;

namespace ModelPipeline.Build;

/// <summary>
/// "## Explanations": TreeSHAP on flights (issue 17: 10,000 rows in at most 2 s on 2 cores) with the gradient boosting
/// model the flights benchmark trains (defaults, seed 42, the same 80/20 split), and the report's permutation importance.
/// </summary>
internal sealed class ExplainBenchmark(BenchmarkData data, BuildLog log)
{
    public const string Name = "explain";
    public const string Heading = "## Explanations";
    private const int Rows = 10_000;

    public string Run()
    {
        var frame = data.Flights();
        var (trainRows, holdoutRows) = FrameSplit.TrainHoldout(frame, 0.2, 42, "delayed");
        var spec = new TrainingSpec(TaskKind.Binary, "delayed", new Dictionary<string, string>()) { TrainerType = "gradient_boosting", Seed = 42 };
        var model = ModelTrainer.Fit(frame.Take(trainRows), spec);
        var holdout = frame.Take(holdoutRows);
        var rows = holdout.Take([.. Enumerable.Range(0, Rows)]);
        var loadBefore = ServingBenchmark.LoadAverage();

        Attributions? attributions = null;
        var shap = Measure(() => attributions = model.Explain(rows));
        IReadOnlyList<FeatureImportance>? importance = null;
        var permutation = Measure(() => importance = PermutationImportance.Compute(model, holdout, MetricNames.Auc, 42));
        var loadAfter = ServingBenchmark.LoadAverage();

        // Local accuracy on the measured rows: base value + contributions against the model's own probability.
        var probabilities = model.Predict(rows).PositiveScores();
        var worst = 0.0;
        for (var row = 0; row < Rows; row++)
        {
            var sum = attributions!.BaseValues[0];
            foreach (var value in attributions.Row(row, 0))
            {
                sum += value;
            }

            worst = Math.Max(worst, Math.Abs((1 / (1 + Math.Exp(-sum))) - probabilities[row]));
        }

        var trees = model.Parameters.GetValueOrDefault("max_iterations", "?");
        log.Information($"explain: TreeSHAP {Rows:N0} rows {shap.Wall:F2} s (CPU {shap.Cpu:F2} s), permutation importance {permutation.Wall:F2} s");
        var text = new StringBuilder();
        text.AppendLine($"{Heading}: TreeSHAP and permutation importance on flights");
        text.AppendLine();
        text.AppendLine($"Written by `./build.sh Benchmark --benchmark-only {Name}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores shared with other work: **load average {loadBefore} before, {loadAfter} after** (1/5/15 min). " +
            $"Model: gradient_boosting with defaults (max_iterations {trees}, seed 42) fitted on the {trainRows.Length:N0} training rows of the flights split. " +
            $"Best of 3 runs; CPU = this process's CPU time. Local accuracy on the {Rows:N0} rows: sigmoid(base value + contributions) differs from the model's probability by at most {worst:E1}.");
        text.AppendLine();
        text.AppendLine("| step | rows | wall s | CPU s |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine($"| `TrainedModel.Explain` (TreeSHAP, every input) | {Rows:N0} | {F2(shap.Wall)} | {F2(shap.Cpu)} |");
        text.AppendLine($"| `PermutationImportance.Compute` (auc, 5 repeats, + mean \\|SHAP\\|) | {Math.Min(holdout.RowCount, PermutationImportance.DefaultMaxRows):N0} | {F2(permutation.Wall)} | {F2(permutation.Cpu)} |");
        text.AppendLine();
        text.AppendLine("Most important inputs (loss of auc when shuffled, mean ± sd; mean |SHAP| in log-odds): " +
            string.Join(", ", importance!.Take(4).Select(f => $"{f.Input} {f.Permutation:0.0000} ± {f.PermutationSpread:0.0000} ({f.MeanAbsoluteContribution:0.000})")) + ".");
        text.AppendLine();
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---|---|");
        text.AppendLine($"| TreeSHAP for {Rows:N0} flights rows ≤ 2 s on 2 cores | {F2(shap.Wall)} s | {(shap.Wall <= 2 ? "yes" : "**no**")} |");
        return text.ToString();
    }
}
