using ModelPipeline.Training.Features;

namespace ModelPipeline.Training;

/// <summary>The trained part of a model (featurization + weights or trees): predicts and writes itself.</summary>
internal abstract class ModelBody
{
    /// <summary>
    /// Fills <paramref name="values"/> (regression value or raw score) and, for classification,
    /// <paramref name="probabilities"/> (row-major, rows × classes).
    /// </summary>
    public abstract void Predict(BoundInputs inputs, double[] values, double[]? probabilities, ParallelOptions parallel);

    public abstract void Write(BinaryWriter writer);
}
