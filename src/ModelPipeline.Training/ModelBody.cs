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

    /// <summary>The raw scores (regression value, log-odds, class scores before the softmax), row-major with one per output.</summary>
    public abstract double[] RawScores(BoundInputs inputs, ParallelOptions parallel);

    public abstract void Write(BinaryWriter writer);

    /// <summary>
    /// What exact per-row attributions need besides the prediction itself (tree covers, training means of the
    /// features), written after the body from model format 2 on.
    /// </summary>
    public abstract void WriteExplanationData(BinaryWriter writer);

    public abstract void ReadExplanationData(BinaryReader reader);

    /// <summary>False for a model read from a format 1 file, which lacks the explanation data.</summary>
    public abstract bool CanExplain { get; }

    /// <summary>
    /// Per row, output and input, the input's exact contribution to the raw output (log-odds, class score or value):
    /// the base values plus a row's contributions equal its raw output.
    /// </summary>
    public abstract Attributions Explain(BoundInputs inputs, ModelSchema schema, ParallelOptions parallel);
}
