using ModelPipeline.Definitions;
using ModelPipeline.Evaluation;
using ModelPipeline.Reports;
using ModelPipeline.Training;
using ReportMatrix = ModelPipeline.Reports.ConfusionMatrix;

namespace ModelPipeline.Build;

/// <summary>Maps evaluation results onto the plain records the Reports library renders.</summary>
internal static class ReportMapping
{
    private const int IntervalResamples = 500;

    public static ComparisonReport Comparison(PipelineDefinition definition, PromotionDecision decision,
        string challengerLabel, ModelEvaluation challenger, string? championLabel, ModelEvaluation? champion,
        IReadOnlyList<VersionPoint> history, IReadOnlyList<FeatureImportance>? challengerImportance = null, IReadOnlyList<FeatureImportance>? championImportance = null) =>
        new(definition.Name, decision.Verdict, decision.Promote, definition.Task.ToString().ToLowerInvariant(),
            Side(challengerLabel, challenger, definition.Split.Seed) with { Importance = Rows(challengerImportance) },
            champion is null ? null : Side(championLabel!, champion, definition.Split.Seed) with { Importance = Rows(championImportance) },
            decision.Checks.Select(c => new GateCheckRow(c.Name, c.Passed, c.Detail)).ToArray(),
            history, decision.PrimaryMetric, DateTimeOffset.UtcNow)
        {
            Facts =
            [
                new("holdout rows", challenger.Actual.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                new("trainer", definition.Trainer.Type.ToString()),
                new("config hash", definition.ConfigHash[..12]),
            ],
        };

    private static ModelSide Side(string label, ModelEvaluation evaluation, int seed)
    {
        var metrics = evaluation.Metrics;
        var side = new ModelSide(label, metrics.Values)
        {
            Intervals = Intervals(evaluation, seed),
            Roc = metrics.Roc is { } roc ? Curve.From(roc.FalsePositiveRate, roc.TruePositiveRate, metrics.Values.GetValueOrDefault("auc")) : null,
            PrecisionRecall = metrics.PrecisionRecall is { } pr ? Curve.From(pr.Recall, pr.Precision, metrics.Values.GetValueOrDefault("auc_pr")) : null,
            Confusion = metrics.Confusion is { } c
                ? new ReportMatrix(c.Classes, c.Counts.Select(row => (IReadOnlyList<long>)row.Select(v => (long)v).ToArray()).ToArray())
                : null,
        };
        if (evaluation.Predictions.Task == TaskKind.Regression)
        {
            side = side with
            {
                Residuals = evaluation.Predictions.Values.Zip(evaluation.Actual, (p, a) => new ResidualPoint(p, a)).ToArray(),
            };
        }

        return side;
    }

    private static ImportanceRow[]? Rows(IReadOnlyList<FeatureImportance>? importance) =>
        importance?.Select(f => new ImportanceRow(f.Input, f.Permutation, f.PermutationSpread, f.MeanAbsoluteContribution)).ToArray();

    private static Dictionary<string, Interval> Intervals(ModelEvaluation evaluation, int seed) =>
        Bootstrap.Intervals(evaluation, null, IntervalResamples, 0.95, seed)
            .ToDictionary(i => i.Key, i => new Interval(i.Value.Lower, i.Value.Upper), StringComparer.Ordinal);
}
