using ModelPipeline.Training.Features;
using ModelPipeline.Training.Format;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// A boosted tree ensemble: the binner, the baseline score per output, and the trees in boosting order
/// (iteration-major; tree t adds to output t mod outputs).
/// </summary>
internal sealed class TreeEnsembleBody(TaskKind task, FeatureBinner binner, double[] baseline, IReadOnlyList<RegressionTree> trees) : ModelBody
{
    private const int ChunkSize = 2048;

    public FeatureBinner Binner { get; } = binner;

    public double[] Baseline { get; } = baseline;

    public IReadOnlyList<RegressionTree> Trees { get; } = trees;

    public override void Predict(BoundInputs inputs, double[] values, double[]? probabilities, ParallelOptions parallel)
    {
        var bins = Binner.Bin(inputs, null, parallel);
        var k = Baseline.Length;
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) =>
        {
            var scores = new double[(end - start) * k];
            for (var r = 0; r < end - start; r++)
            {
                Baseline.CopyTo(scores, r * k);
            }

            for (var t = 0; t < Trees.Count; t++)
            {
                TreeScorer.Add(Trees[t], bins, start, end, scores, k, t % k);
            }

            ScoreLink.Apply(task, scores, start, end, values, probabilities);
        });
    }

    public override void Write(BinaryWriter writer)
    {
        Binner.Write(writer);
        writer.Write(Baseline.Length);
        foreach (var b in Baseline)
        {
            writer.Write(b);
        }

        writer.Write(Trees.Count);
        foreach (var tree in Trees)
        {
            tree.Write(writer);
        }
    }

    public static ModelBody Read(BinaryReader reader, ModelSchema schema)
    {
        var binner = FeatureBinner.Read(reader);
        if (binner.FeatureCount != schema.Inputs.Count)
        {
            throw new InvalidDataException($"binner has {binner.FeatureCount} inputs; schema has {schema.Inputs.Count}");
        }

        var baseline = new double[ModelFile.ReadCount(reader)];
        for (var i = 0; i < baseline.Length; i++)
        {
            baseline[i] = reader.ReadDouble();
        }

        var trees = new RegressionTree[ModelFile.ReadCount(reader)];
        for (var i = 0; i < trees.Length; i++)
        {
            trees[i] = RegressionTree.Read(reader, binner.FeatureCount);
        }

        return new TreeEnsembleBody(schema.Task, binner, baseline, trees);
    }
}
