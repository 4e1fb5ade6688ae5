using ModelPipeline.Training.Features;
using ModelPipeline.Training.Format;

namespace ModelPipeline.Training.Linear;

/// <summary>
/// A linear model: featurizer + one weight vector and intercept per output (1 for regression and binary,
/// one per class for multiclass). Scores pass through the identity, the logistic or the softmax function.
/// </summary>
internal sealed class LinearModelBody : ModelBody
{
    private const int ChunkSize = 4096;

    public LinearModelBody(TaskKind task, LinearFeaturizer featurizer, int outputs, double[] weights, double[] intercepts)
    {
        Task = task;
        Featurizer = featurizer;
        Outputs = outputs;
        Weights = weights;
        Intercepts = intercepts;
    }

    public TaskKind Task { get; }

    public LinearFeaturizer Featurizer { get; }

    public int Outputs { get; }

    /// <summary>Row-major, outputs × features.</summary>
    public double[] Weights { get; }

    public double[] Intercepts { get; }

    public override void Predict(BoundInputs inputs, double[] values, double[]? probabilities, ParallelOptions parallel)
    {
        var (numericWeights, intercepts) = FoldScaling();
        var k = Outputs;
        var p = Featurizer.FeatureCount;
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) =>
        {
            var scores = new double[(end - start) * k];
            for (var o = 0; o < k; o++)
            {
                for (var r = 0; r < end - start; r++)
                {
                    scores[(r * k) + o] = intercepts[o];
                }
            }

            for (var i = 0; i < Featurizer.Numeric.Length; i++)
            {
                if (Featurizer.Numeric[i] is { } numeric)
                {
                    var x = inputs.Numbers[i]!;
                    for (var o = 0; o < k; o++)
                    {
                        var w = numericWeights[(o * p) + numeric.Feature];
                        for (var row = start; row < end; row++)
                        {
                            scores[((row - start) * k) + o] += w * (double.IsNaN(x[row]) ? numeric.Fill : x[row]);
                        }
                    }
                }
                else
                {
                    var oneHot = Featurizer.OneHot[i]!;
                    var codes = inputs.Codes[i]!;
                    for (var row = start; row < end; row++)
                    {
                        var slot = oneHot.SlotFor(codes[row]);
                        for (var o = 0; o < k; o++)
                        {
                            scores[((row - start) * k) + o] += Weights[(o * p) + slot];
                        }
                    }
                }
            }

            ScoreLink.Apply(Task, scores, start, end, values, probabilities);
        });
    }

    /// <summary>Weights on the raw (imputed, unscaled) values and intercepts that absorb the centering.</summary>
    private (double[] Weights, double[] Intercepts) FoldScaling()
    {
        var weights = (double[])Weights.Clone();
        var intercepts = (double[])Intercepts.Clone();
        var p = Featurizer.FeatureCount;
        foreach (var numeric in Featurizer.Numeric)
        {
            if (numeric is { } t)
            {
                for (var o = 0; o < Outputs; o++)
                {
                    var w = Weights[(o * p) + t.Feature] / t.Scale;
                    weights[(o * p) + t.Feature] = w;
                    intercepts[o] -= w * t.Center;
                }
            }
        }

        return (weights, intercepts);
    }

    public override void Write(BinaryWriter writer)
    {
        Featurizer.Write(writer);
        writer.Write(Outputs);
        foreach (var w in Weights)
        {
            writer.Write(w);
        }

        foreach (var b in Intercepts)
        {
            writer.Write(b);
        }
    }

    public static ModelBody Read(BinaryReader reader, ModelSchema schema)
    {
        var featurizer = LinearFeaturizer.Read(reader, schema);
        var outputs = ModelFile.ReadCount(reader);
        var weights = new double[checked(outputs * featurizer.FeatureCount)];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadDouble();
        }

        var intercepts = new double[outputs];
        for (var i = 0; i < outputs; i++)
        {
            intercepts[i] = reader.ReadDouble();
        }

        return new LinearModelBody(schema.Task, featurizer, outputs, weights, intercepts);
    }
}
