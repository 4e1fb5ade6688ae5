namespace ModelPipeline.Evaluation;

/// <summary>
/// CompareWithChampion: decides whether a challenger replaces the champion, both scored on the same holdout rows.
/// Without a champion the challenger is promoted iff it clears the absolute thresholds.
/// </summary>
public sealed class PromotionGate
{
    public PromotionGate(GateRules rules)
    {
        rules.Validate();
        Rules = rules;
    }

    public GateRules Rules { get; }

    /// <summary>Applies every rule and returns the decision with each check's figures.</summary>
    /// <exception cref="GateRulesException">A rule's metric does not apply to this model's task.</exception>
    /// <exception cref="EvaluationException">The champion was scored on different rows.</exception>
    public PromotionDecision Decide(ModelEvaluation challenger, ModelEvaluation? champion)
    {
        var primary = Rules.PrimaryMetric;
        var value = Value(challenger, primary, "primary metric");
        var thresholds = Rules.Thresholds.Select(t => GateChecks.Threshold(t, Value(challenger, t.Metric, "threshold"))).ToList();
        if (champion is null)
        {
            return FirstModel(primary, value, thresholds);
        }

        SameRows.Require(challenger, champion);
        var championValue = Value(champion, primary, "primary metric");
        var improvement = MetricNames.Improvement(primary, value, championValue);
        var checks = new List<GateCheck> { GateChecks.Improvement(primary, value, championValue, Rules.MinImprovement) };
        if (Rules.MinRelativeImprovement > 0)
        {
            checks.Add(GateChecks.RelativeImprovement(primary, value, championValue, Rules.MinRelativeImprovement));
        }

        foreach (var (metric, allowedDrop) in Rules.Guards)
        {
            checks.Add(GateChecks.Guard(metric, Value(challenger, metric, "guard"), Value(champion, metric, "guard"), allowedDrop));
        }

        double? p = null;
        if (Rules.Significance is { } significance)
        {
            var (check, pValue) = GateChecks.Significance(significance, primary, improvement, challenger, champion);
            checks.Add(check);
            p = pValue;
        }

        checks.AddRange(thresholds);
        var promote = checks.All(c => c.Passed);
        return new PromotionDecision
        {
            Promote = promote,
            Verdict = (promote ? "promoted: " : "rejected: ") + string.Join("; ", checks.Select(c => c.Detail)),
            Checks = checks,
            FirstModel = false,
            PrimaryMetric = primary,
            ChallengerValue = value,
            ChampionValue = championValue,
            Improvement = improvement,
            PValue = p,
        };
    }

    private static PromotionDecision FirstModel(string primary, double value, List<GateCheck> thresholds)
    {
        var promote = thresholds.All(c => c.Passed);
        var figures = FormattableString.Invariant($"{primary} {value:0.0000}");
        var verdict = promote
            ? $"first model: no champion to compare with; thresholds pass ({(thresholds.Count == 0 ? figures + ", no thresholds set" : string.Join("; ", thresholds.Select(c => c.Detail)))})"
            : $"rejected: first model: no champion to compare with; thresholds fail: {string.Join("; ", thresholds.Where(c => !c.Passed).Select(c => c.Detail))}";
        return new PromotionDecision
        {
            Promote = promote,
            Verdict = verdict,
            Checks = thresholds,
            FirstModel = true,
            PrimaryMetric = primary,
            ChallengerValue = value,
        };
    }

    private static double Value(ModelEvaluation evaluation, string metric, string role) =>
        evaluation.Metrics.Values.TryGetValue(metric, out var value)
            ? value
            : throw new GateRulesException(
                $"The {role} '{metric}' does not apply to a {evaluation.Task.ToString().ToLowerInvariant()} model; use one of: {string.Join(", ", evaluation.Metrics.Values.Keys)}.");
}
