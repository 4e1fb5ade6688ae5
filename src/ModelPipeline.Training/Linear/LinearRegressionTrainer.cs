namespace ModelPipeline.Training.Linear;

/// <summary>Ridge regression solved in closed form.</summary>
internal static class LinearRegressionTrainer
{
    public static ModelBody Fit(TrainingContext context) => throw new NotImplementedException("linear_regression is being written");
}
