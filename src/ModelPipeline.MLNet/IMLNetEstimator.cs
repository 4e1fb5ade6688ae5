using Microsoft.ML;

namespace ModelPipeline.MLNet;

/// <summary>
/// A team's own ML.NET pipeline, named from the pipeline YAML (<c>trainer: { type: mlnet, estimator: ChurnEstimator }</c>).
/// Put the class in <c>trainers/</c> (the build compiles it); it needs a public parameterless constructor.
/// <see cref="Build"/> gets the training data's schema and returns the whole estimator: featurization (or
/// <see cref="MLNetEstimatorContext.Featurize"/>) and a trainer reading <c>Label</c>. Its output must have a
/// <c>Score</c> column (binary: Single, with <c>Probability</c> used when present; multiclass: a vector of Single,
/// one per class in <see cref="MLNetEstimatorContext.Schema"/>'s class order; regression: Single). Use ML.NET's own
/// components only (no CustomMapping), so the model server can load the model without your code. docs/mlnet.md.
/// </summary>
public interface IMLNetEstimator
{
    IEstimator<ITransformer> Build(MLNetEstimatorContext context);
}
