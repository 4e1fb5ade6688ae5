namespace ModelPipeline.Definitions;

/// <summary>The learning algorithm (<c>trainer.type</c>).</summary>
public enum TrainerType
{
    LogisticRegression,
    LinearRegression,
    GradientBoosting,

    /// <summary>An ML.NET trainer (<see cref="TrainerSection.Name"/>) or a team's own ML.NET estimator (<see cref="TrainerSection.Estimator"/>).</summary>
    MLNet,

    /// <summary>A pre-trained ONNX model in the repository (<c>trainer.path</c>); retraining notices that it changed.</summary>
    OnnxFile,

    /// <summary>
    /// Searches the built-in families (gradient boosting, the task's linear trainer) and their parameters by k-fold
    /// CV on the training rows within <see cref="SearchSection.MaxSeconds"/> of work, then refits the winner.
    /// </summary>
    Auto,

    /// <summary>An external training command (<c>trainer.command</c>) that writes an ONNX model.</summary>
    Command,
}
