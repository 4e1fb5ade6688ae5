using System.Buffers;
using ModelPipeline.Training.Explanations;
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
        var k = Baseline.Length;
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) =>
        {
            var scores = ArrayPool<double>.Shared.Rent((end - start) * k);
            Score(inputs, start, end, scores);
            ScoreLink.Apply(task, scores, start, end, values, probabilities);
            ArrayPool<double>.Shared.Return(scores);
        });
    }

    public override double[] RawScores(BoundInputs inputs, ParallelOptions parallel)
    {
        var k = Baseline.Length;
        var scores = new double[inputs.RowCount * k];
        RowChunks.For(inputs.RowCount, ChunkSize, parallel, (_, start, end) => Score(inputs, start, end, scores.AsSpan(start * k, (end - start) * k)));
        return scores;
    }

    /// <summary>Rows start..end's raw scores (baseline + trees), row-major with one per output, into <paramref name="scores"/>.</summary>
    private void Score(BoundInputs inputs, int start, int end, Span<double> scores)
    {
        var masks = _masks.Value;
        var k = Baseline.Length;
        var features = Binner.FeatureCount;
        var rows = end - start;
        var bins = ArrayPool<byte>.Shared.Rent(rows * features);
        Binner.BinRows(inputs, null, start, end, bins);
        for (var r = 0; r < rows; r++)
        {
            Baseline.CopyTo(scores.Slice(r * k, k));
        }

        if (masks is not null)
        {
            masks.Score(bins.AsSpan(0, rows * features), rows, scores[..(rows * k)], k);
        }
        else
        {
            _forest.Value.Score(bins, rows, features, scores, k);
        }

        ArrayPool<byte>.Shared.Return(bins);
    }

    public override bool CanExplain => Trees.All(t => t.HasCover);

    public override void WriteExplanationData(BinaryWriter writer)
    {
        foreach (var tree in Trees)
        {
            tree.WriteCovers(writer);
        }
    }

    public override void ReadExplanationData(BinaryReader reader)
    {
        foreach (var tree in Trees)
        {
            tree.ReadCovers(reader);
        }
    }

    /// <summary>TreeSHAP per tree (<see cref="TreeShap"/>); tree t adds to output t mod outputs, as in scoring.</summary>
    public override Attributions Explain(BoundInputs inputs, ModelSchema schema, ParallelOptions parallel)
    {
        var k = Baseline.Length;
        var features = Binner.FeatureCount;
        var baseValues = (double[])Baseline.Clone();
        for (var t = 0; t < Trees.Count; t++)
        {
            baseValues[t % k] += TreeShap.Expected(Trees[t]);
        }

        var values = new double[inputs.RowCount * k * features];
        RowChunks.For(inputs.RowCount, 256, parallel, (_, start, end) =>
        {
            // One TreeShap (with its path buffers) per tree per chunk; each row's sums run over the trees in order,
            // so the result does not depend on how rows are split between threads.
            var explainers = Trees.Select(t => new TreeShap(t)).ToArray();
            var bins = new byte[(end - start) * features];
            Binner.BinRows(inputs, null, start, end, bins);
            for (var row = start; row < end; row++)
            {
                var rowBins = bins.AsSpan((row - start) * features, features);
                for (var t = 0; t < explainers.Length; t++)
                {
                    explainers[t].Add(rowBins, values.AsSpan(((row * k) + (t % k)) * features, features));
                }
            }
        });
        return new Attributions(schema.Inputs.Select(i => i.Name).ToArray(), Attributions.OutputNames(schema), baseValues, values, inputs.RowCount);
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
