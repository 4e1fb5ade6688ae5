namespace ModelPipeline.Evaluation;

/// <summary>How <see cref="AutoSearch"/> runs. Only <see cref="Parallelism"/> and <see cref="Clock"/> do not change the result.</summary>
public sealed record AutoSearchOptions
{
    /// <summary>The default budget, in reference seconds (see <see cref="AutoSearch.WorkPerSecond"/>).</summary>
    public const double DefaultMaxSeconds = 60;

    /// <summary>The default number of candidates drawn (the budget may allow fewer).</summary>
    public const int DefaultMaxCandidates = 27;

    /// <summary>
    /// The budget in reference seconds. It is turned into work units (<see cref="AutoSearch.WorkPerSecond"/> per
    /// second) before anything runs; the search never reads the clock to decide, so the result is the same on any
    /// machine and thread count.
    /// </summary>
    public double MaxSeconds { get; init; } = DefaultMaxSeconds;

    /// <summary>The most candidates drawn; fewer when the budget does not cover them.</summary>
    public int MaxCandidates { get; init; } = DefaultMaxCandidates;

    /// <summary>Cross-validation folds (stratified by the label for classification) on the training rows given.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Fold fits run at once, each on one thread; the result does not depend on it.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Seeds the folds and the candidate draws.</summary>
    public int Seed { get; init; }

    /// <summary>The metric to optimise; null = auc (binary), macro_f1 (multiclass), rmse (regression).</summary>
    public string? Metric { get; init; }

    /// <summary>Families to search: <c>gradient_boosting</c> and/or <c>linear</c> (the task's linear trainer).</summary>
    public IReadOnlyList<string> Families { get; init; } = [AutoSearch.GradientBoosting, AutoSearch.Linear];

    /// <summary>
    /// Values to draw from instead of the built-in ranges, by parameter name (<see cref="AutoSearch.SpaceNames"/>):
    /// <c>learning_rate</c>, <c>max_leaves</c>, <c>max_depth</c>, <c>min_samples_leaf</c>, <c>l2</c>,
    /// <c>max_iterations</c> (gradient boosting) and <c>linear_l2</c> (the linear trainer's <c>l2</c>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Space { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Measures each candidate's time for the leaderboard only.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
