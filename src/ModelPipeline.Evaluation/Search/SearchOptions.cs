namespace ModelPipeline.Evaluation;

/// <summary>How a hyperparameter search runs.</summary>
public sealed record SearchOptions
{
    public SearchStrategy Strategy { get; init; } = SearchStrategy.Grid;

    /// <summary>Cross-validation folds per trial (stratified by the label for classification).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Trial budget: random search draws this many (default 10); a grid is cut to its first ones.</summary>
    public int? MaxTrials { get; init; }

    /// <summary>No trial starts after this much time; trials already running finish. Makes the result timing-dependent.</summary>
    public TimeSpan? MaxTime { get; init; }

    /// <summary>Trials run at once; the result does not depend on it.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Seeds the folds and the random trials.</summary>
    public int Seed { get; init; }

    /// <summary>The metric to optimise; null = auc (binary), macro_f1 (multiclass), rmse (regression).</summary>
    public string? Metric { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
