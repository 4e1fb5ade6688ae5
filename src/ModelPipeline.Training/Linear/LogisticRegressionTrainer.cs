using ModelPipeline.Training.Features;

namespace ModelPipeline.Training.Linear;

/// <summary>
/// L2-regularised logistic regression, binary or multinomial, fitted with L-BFGS on the featurized rows.
/// Parameters: <c>l2</c> (1/C of scikit-learn), <c>max_iterations</c>, <c>tolerance</c> (max |gradient| of the summed objective: scikit-learn's <c>tol</c>).
/// </summary>
internal static class LogisticRegressionTrainer
{
    public static ModelBody Fit(TrainingContext context)
    {
        var featurizer = LinearFeaturizer.Fit(context.Inputs, context.Schema, context.Spec.Features);
        var design = featurizer.Transform(context.Inputs, context.Parallel);
        var outputs = context.Schema.Task == TaskKind.Binary ? 1 : context.ClassCount;
        var objective = new LogisticObjective(design, context.Targets, outputs, context.Parameters.Number("l2"), context.Parallel);
        var theta = new double[objective.ParameterCount];
        var maxIterations = context.Parameters.Integer("max_iterations");
        Lbfgs.Minimize(
            objective.Evaluate,
            theta,
            maxIterations,
            context.Parameters.Number("tolerance"),
            iteration => context.Progress?.Report(new TrainingProgress("lbfgs", iteration, maxIterations)));
        var weightCount = outputs * featurizer.FeatureCount;
        return new LinearModelBody(context.Schema.Task, featurizer, outputs, theta[..weightCount], theta[weightCount..]) { FeatureMeans = design.FeatureMeans() };
    }
}
