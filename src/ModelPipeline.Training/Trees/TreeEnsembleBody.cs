using System.Buffers;
using ModelPipeline.Training.Features;
using ModelPipeline.Training.Format;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// A boosted tree ensemble: the binner, the baseline score per output, and the trees in boosting order
/// (iteration-major; tree t adds to output t mod outputs).
/// </summary>
internal sealed class TreeEnsembleBody(TaskKind task, FeatureBinner binner, double[] baseline, IReadOnlyList<RegressionTree> trees) : ModelBody
{
    private const int ChunkSize = 1024;

    public FeatureBinner Binner { get; } = binner;

    public double[] Baseline { get; } = baseline;

    public IReadOnlyList<RegressionTree> Trees { get; } = trees;

    private readonly Lazy<PackedForest> _forest = new(() => new PackedForest(trees));

    private readonly Lazy<LeafMaskForest?> _masks = new(() => LeafMaskForest.TryCreate(trees, binner.FeatureCount));

    public override void Predict(BoundInputs inputs, double[] values, double[]? probabilities, ParallelOptions parallel)
    {
        var masks = _masks.Value;
        var forest = masks is null ? _forest.Value : null;
        var k = Baseline.Length;
        var features = Binner.FeatureCount;
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) =>
        {
            var rows = end - start;
            var bins = ArrayPool<byte>.Shared.Rent(rows * features);
            var scores = ArrayPool<double>.Shared.Rent(rows * k);
            Binner.BinRows(inputs, null, start, end, bins);
            for (var r = 0; r < rows; r++)
            {
                Baseline.CopyTo(scores, r * k);
            }

            if (masks is not null)
            {
                masks.Score(bins.AsSpan(0, rows * features), rows, scores.AsSpan(0, rows * k), k);
            }
            else
            {
                forest!.Score(bins, rows, features, scores, k);
            }
            ScoreLink.Apply(task, scores, start, end, values, probabilities);
            ArrayPool<byte>.Shared.Return(bins);
            ArrayPool<double>.Shared.Return(scores);
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
