namespace ModelPipeline.Definitions;

/// <summary>The learning algorithm (<c>trainer.type</c>).</summary>
public enum TrainerType
{
    LogisticRegression,
    LinearRegression,
    GradientBoosting,
}
