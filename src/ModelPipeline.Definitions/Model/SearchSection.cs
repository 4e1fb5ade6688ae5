namespace ModelPipeline.Definitions;

/// <summary>Hyperparameter search with k-fold cross-validation on the training part.</summary>
/// <param name="Trials">Candidates drawn (random only; for grid, the grid's size decides).</param>
/// <param name="MaxSeconds">Wall-clock budget; the search stops starting new candidates after it.</param>
/// <param name="Parallelism">Candidates trained at once.</param>
public sealed record SearchSection(
    SearchStrategy Strategy,
    int Folds,
    int Trials,
    double MaxSeconds,
    int Parallelism,
    IReadOnlyDictionary<string, SearchDimension> Space);
