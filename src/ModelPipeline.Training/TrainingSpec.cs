namespace ModelPipeline.Training;

/// <summary>What to train: the task, the label column, the trainer and its parameters.</summary>
/// <param name="Task">Binary, multiclass or regression.</param>
/// <param name="Label">The column the model learns to predict.</param>
/// <param name="Parameters">Trainer parameters by name (invariant-culture text); absent ones take their defaults.</param>
public sealed record TrainingSpec(TaskKind Task, string Label, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary><c>logistic_regression</c>, <c>linear_regression</c> or <c>gradient_boosting</c>.</summary>
    public string TrainerType { get; init; } = "logistic_regression";

    /// <summary>The binary task's positive class (class index 1); null picks "1", "true" or "yes", else the second in sorted order.</summary>
    public string? PositiveClass { get; init; }

    public FeatureOptions Features { get; init; } = new();

    /// <summary>Seeds every random choice (bin-edge subsample, validation split); the same seed gives the same model bytes.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How many threads training may use; null means all cores. The model bytes do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Columns that are neither the label nor model inputs.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];
}
