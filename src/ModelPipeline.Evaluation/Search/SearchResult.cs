using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// The outcome of a search: the best trial (ties go to the lower trial index), the full parameters to train with,
/// and every trial in trial-list order.
/// </summary>
public sealed record SearchResult(string Metric, int BestTrial, IReadOnlyDictionary<string, string> BestParameters, double BestScore, IReadOnlyList<TrialResult> Trials)
{
    /// <summary>The base spec with the best parameters: what to retrain on all the data.</summary>
    public TrainingSpec BestSpec(TrainingSpec baseSpec) => baseSpec with { Parameters = BestParameters };
}
