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

    /// <summary>
    /// Each feature's mean over the training rows, as the weights see it (scaled numeric value, one-hot slot
    /// frequency); null for a model read from a format 1 file.
    /// </summary>
    public double[]? FeatureMeans { get; set; }

    public override bool CanExplain => FeatureMeans is not null;

    public override void WriteExplanationData(BinaryWriter writer)
    {
        // A model read from a format 1 file has none: NaN, read back as none.
        foreach (var mean in FeatureMeans ?? Enumerable.Repeat(double.NaN, Featurizer.FeatureCount))
        {
            writer.Write(mean);
        }
    }

    public override void ReadExplanationData(BinaryReader reader)
    {
        var means = new double[Featurizer.FeatureCount];
        for (var i = 0; i < means.Length; i++)
        {
            means[i] = reader.ReadDouble();
        }

        FeatureMeans = Array.Exists(means, double.IsNaN) ? null : means;
    }

    /// <summary>
    /// Coefficient × centred feature value, summed over the features an input makes (its one-hot slots): the exact
    /// Shapley values of a linear score when inputs are taken as independent. Base value = the score of the mean row.
    /// </summary>
    public override Attributions Explain(BoundInputs inputs, ModelSchema schema, ParallelOptions parallel)
    {
        var means = FeatureMeans!;
        var k = Outputs;
        var p = Featurizer.FeatureCount;
        var n = Featurizer.Numeric.Length;
        var baseValues = new double[k];
        for (var o = 0; o < k; o++)
        {
            baseValues[o] = Intercepts[o];
            for (var j = 0; j < p; j++)
            {
                baseValues[o] += Weights[(o * p) + j] * means[j];
            }
        }

        // Per output and categorical input, the weights' mean over its slots: w·(onehot - mean) = w[slot] - this.
        var slotMeans = new double[k * n];
        for (var i = 0; i < n; i++)
        {
            if (Featurizer.OneHot[i] is { } oneHot)
            {
                for (var o = 0; o < k; o++)
                {
                    slotMeans[(o * n) + i] = oneHot.Slots().Sum(s => Weights[(o * p) + s] * means[s]);
                }
            }
        }

        var values = new double[inputs.RowCount * k * n];
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) =>
        {
            for (var i = 0; i < n; i++)
            {
                for (var row = start; row < end; row++)
                {
                    for (var o = 0; o < k; o++)
                    {
                        values[(((row * k) + o) * n) + i] = Contribution(inputs, i, row, o, means, slotMeans[(o * n) + i]);
                    }
                }
            }
        });
        return new Attributions(schema.Inputs.Select(c => c.Name).ToArray(), Attributions.OutputNames(schema), baseValues, values, inputs.RowCount);
    }

    private double Contribution(BoundInputs inputs, int input, int row, int output, double[] means, double slotMean)
    {
        var p = Featurizer.FeatureCount;
        if (Featurizer.Numeric[input] is { } numeric)
        {
            var x = inputs.Numbers[input]![row];
            var value = ((double.IsNaN(x) ? numeric.Fill : x) - numeric.Center) / numeric.Scale;
            return Weights[(output * p) + numeric.Feature] * (value - means[numeric.Feature]);
        }

        // The row's slot is 1 and the input's other slots 0: w·(onehot - mean) summed over the input's slots.
        var slot = Featurizer.OneHot[input]!.SlotFor(inputs.Codes[input]![row]);
        return Weights[(output * p) + slot] - slotMean;
    }

    public override void Predict(BoundInputs inputs, double[] values, double[]? probabilities, ParallelOptions parallel)
    {
        var folded = FoldScaling();
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) =>
        {
            var scores = new double[(end - start) * Outputs];
            Score(inputs, start, end, folded, scores);
            ScoreLink.Apply(Task, scores, start, end, values, probabilities);
        });
    }

    public override double[] RawScores(BoundInputs inputs, ParallelOptions parallel)
    {
        var folded = FoldScaling();
        var scores = new double[inputs.RowCount * Outputs];
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) => Score(inputs, start, end, folded, scores.AsSpan(start * Outputs, (end - start) * Outputs)));
        return scores;
    }

    /// <summary>Rows start..end's raw scores, row-major with one per output, into <paramref name="scores"/>.</summary>
    private void Score(BoundInputs inputs, int start, int end, (double[] Weights, double[] Intercepts) folded, Span<double> scores)
    {
        var (numericWeights, intercepts) = folded;
        var k = Outputs;
        var p = Featurizer.FeatureCount;
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
