namespace ModelPipeline.Training.Trees;

/// <summary>Histogram gradient-boosted trees.</summary>
internal static class GradientBoostingTrainer
{
    public static ModelBody Fit(TrainingContext context) => throw new NotImplementedException("gradient_boosting is being written");
}
