using ModelPipeline.Definitions;
using ModelPipeline.Evaluation;
using ModelPipeline.Registry;
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

    /// <summary>The report's leaderboard of a <c>trainer.type: auto</c> search, the chosen candidate first; null without one.</summary>
    public static Leaderboard? Leaderboard(SearchLeaderboard? search)
    {
        if (search is null)
        {
            return null;
        }

        string Stage(SearchCandidate c) =>
            c.Iterations is null ? "full fit" : c.Rung == search.Rungs - 1 ? $"{c.Iterations} iterations (all)" : $"{c.Iterations} iterations (rung {c.Rung + 1}/{search.Rungs})";

        var chosen = search.Candidates.First(c => c.Index == search.Chosen);
        var direction = MetricNames.Direction(search.Metric);
        var rest = search.Candidates.Where(c => c.Index != search.Chosen)
            .OrderBy(c => double.IsFinite(c.Mean) ? 0 : 1)
            .ThenByDescending(c => c.Rung)
            .ThenBy(c => direction == MetricDirection.HigherIsBetter ? -c.Mean : c.Mean)
            .ThenBy(c => c.Index);
        var summary = FormattableString.Invariant(
            $"{search.Candidates.Count} candidates, {search.Folds}-fold CV on the training rows, {search.Rungs} successive-halving rung(s); budget {search.BudgetSeconds:0.###} s = {search.BudgetWork / 1e6:N0} M work units, {search.SpentWork / 1e6:N0} M spent in {search.Seconds:F1} s");
        return new Leaderboard(search.Metric, summary, [.. new[] { chosen }.Concat(rest).Select(c => new LeaderboardRow(c.Index, c.Trainer,
            string.Join(" ", c.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")), Stage(c), c.Mean, c.StandardDeviation,
            c.Work, c.Seconds, c.Index == search.Chosen) { Error = c.Error })]);
    }

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
