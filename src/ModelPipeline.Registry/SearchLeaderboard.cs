namespace ModelPipeline.Registry;

/// <summary>
/// How <c>trainer.type: auto</c> chose the model: every candidate it scored by k-fold CV on the training rows, with
/// successive halving over <see cref="Rungs"/> rungs, within a budget measured in work units (deterministic).
/// </summary>
/// <param name="Metric">The CV metric the candidates were ranked by (the gate's primary metric).</param>
/// <param name="Folds">CV folds per candidate.</param>
/// <param name="Rungs">Successive-halving rungs; a candidate at rung <c>Rungs - 1</c> was scored with all its iterations.</param>
/// <param name="Chosen">The <see cref="SearchCandidate.Index"/> of the candidate refitted on all the training rows.</param>
/// <param name="BudgetSeconds">The budget as given (<c>search.max_seconds</c>, reference seconds of work).</param>
/// <param name="BudgetWork">The budget in work units.</param>
/// <param name="SpentWork">The work units the candidates' fold fits cost (the refit not included).</param>
/// <param name="Seconds">Wall time of the search (informational; never used to decide).</param>
/// <param name="Candidates">Every candidate, in candidate order.</param>
public sealed record SearchLeaderboard(
    string Metric,
    int Folds,
    int Rungs,
    int Chosen,
    double BudgetSeconds,
    long BudgetWork,
    long SpentWork,
    double Seconds,
    IReadOnlyList<SearchCandidate> Candidates);
