namespace ModelPipeline.Training.Linear;

/// <summary>L2-regularised logistic regression (binary and multinomial) fitted with L-BFGS.</summary>
internal static class LogisticRegressionTrainer
{
    public static ModelBody Fit(TrainingContext context) => throw new NotImplementedException("logistic_regression is being written");
}
