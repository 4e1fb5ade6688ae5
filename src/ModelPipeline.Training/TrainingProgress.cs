namespace ModelPipeline.Training;

/// <summary>How far training has come: a stage name (e.g. "boosting", "lbfgs") and Done of Total steps.</summary>
public sealed record TrainingProgress(string Stage, int Done, int Total);
