namespace ModelPipeline.Definitions;

/// <summary>Hyperparameter search with k-fold cross-validation on the training part.</summary>
/// <param name="Trials">Candidates drawn (random only; for grid, the grid's size decides).</param>
/// <param name="MaxSeconds">Wall-clock budget; the search stops starting new candidates after it.</param>
/// <param name="Parallelism">Candidates trained at once (<c>auto</c>: fold fits at once; 0 = one per thread).</param>
public sealed record SearchSection(
    SearchStrategy Strategy,
    int Folds,
    int Trials,
    double MaxSeconds,
    int Parallelism,
    IReadOnlyDictionary<string, SearchDimension> Space)
{
    /// <summary>"file:line:column" of <c>search.max_seconds</c> (or, when not given, of what set the budget) for messages about the budget.</summary>
    public string BudgetLocation { get; init; } = "";
}
