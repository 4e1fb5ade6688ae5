using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// The outcome of an <see cref="AutoSearch"/>: the winner (its trainer and full parameters, to refit on all the
/// training rows), every candidate in candidate order, and the budget in work units (planned and spent).
/// </summary>
public sealed record AutoSearchResult(
    string Metric,
    int Folds,
    int Rungs,
    AutoCandidate Best,
    IReadOnlyList<AutoCandidate> Candidates,
    long BudgetWork,
    long PlannedWork,
    long SpentWork)
{
    /// <summary>The candidates best first: the winner, then by rung reached (higher first), score and index.</summary>
    public IReadOnlyList<AutoCandidate> Leaderboard => [Best, .. Candidates.Where(c => c.Index != Best.Index).Order(AutoSearch.Ranking(Metric))];

    /// <summary>The base spec with the winner's trainer and parameters: what to refit on all the training rows.</summary>
    public TrainingSpec BestSpec(TrainingSpec baseSpec) => baseSpec with { TrainerType = Best.Trainer, Parameters = Best.Parameters };
}
