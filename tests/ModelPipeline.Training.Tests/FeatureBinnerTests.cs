using ModelPipeline.Training.Features;
using ModelPipeline.Training.Tests.Support;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Training.Tests;

/// <summary>
/// Binning (the branch-free search and the whole-number tables) gives the same bins as the plain binary search it
/// replaced, on real data and on edge cases (every edge and its neighbours, signed zeros, infinities, NaN).
/// </summary>
public sealed class FeatureBinnerTests
{
    [Theory]
    [InlineData("flights_q1_sample.csv", "delayed", TaskKind.Binary)]
    [InlineData("churn.csv", "churn", TaskKind.Binary)]
    [InlineData("diabetes_progression.csv", "disease_progression", TaskKind.Regression)]
    public void Bin_RealData_SameBinsAsBinarySearch(string file, string label, TaskKind task)
    {
        var (train, holdout) = TestData.Split(file, label, stratify: task != TaskKind.Regression);
        var model = ModelTrainer.Fit(train, Specs.Of(task, label, "gradient_boosting", ("max_iterations", "1")));
        var binner = Assert.IsType<TreeEnsembleBody>(model.Body).Binner;
        var inputs = InputBinding.Bind(model.Schema, holdout);
        var bins = binner.Bin(inputs, null, new ParallelOptions { MaxDegreeOfParallelism = 2 });

        var features = binner.FeatureCount;
        for (var f = 0; f < features; f++)
        {
            for (var row = 0; row < inputs.RowCount; row++)
            {
                var expected = binner.Edges[f] is { } edges
                    ? ReferenceBin(inputs.Numbers[f]![row], edges)
                    : (uint)inputs.Codes[f]![row] < (uint)binner.CategoryBins[f]!.Length ? binner.CategoryBins[f]![inputs.Codes[f]![row]] : FeatureBinner.MissingBin;
                Assert.Equal(expected, bins[(row * features) + f]);
            }
        }
    }

    [Fact]
    public void Bin_EdgeCases_SameBinsAsBinarySearch()
    {
        double[][] edgeSets =
        [
            [],
            [0.5],
            [-3.5, -0.5, 0, 2.5, 7],
            [.. Enumerable.Range(0, 254).Select(i => (i * 3.7) - 20)],
            [.. Enumerable.Range(0, 100).Select(i => i + 0.5)],
            [1e6, 2e6],
            [-5, -1],
            [double.NegativeInfinity, 0, 1.5, double.PositiveInfinity],
            [1.5e308, double.PositiveInfinity],
        ];
        foreach (var edges in edgeSets)
        {
            var values = new List<double> { double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -1, 1e300 };
            foreach (var e in edges)
            {
                values.AddRange([e, Math.BitDecrement(e), Math.BitIncrement(e), Math.Floor(e), Math.Ceiling(e), Math.Floor(e) + 1]);
            }

            values.AddRange(Enumerable.Range(-3, FeatureBinner.MaxWholeNumber + 6).Select(v => (double)v));
            var random = new Random(7);
            values.AddRange(Enumerable.Range(0, 1000).Select(_ => (random.NextDouble() * 600) - 300));

            var column = values.ToArray();
            var binner = new FeatureBinner([edges], [null]);
            var inputs = new BoundInputs(column.Length, [column], [null]);
            var bins = binner.Bin(inputs, null, new ParallelOptions());
            for (var i = 0; i < column.Length; i++)
            {
                Assert.Equal(ReferenceBin(column[i], edges), bins[i]);
                Assert.Equal(ReferenceBin(column[i], edges), FeatureBinner.BinOf(column[i], edges));
            }
        }
    }

    /// <summary>The binary search binning used before (the first bin whose upper edge is &gt;= value; NaN is missing).</summary>
    private static byte ReferenceBin(double value, double[] edges)
    {
        if (double.IsNaN(value))
        {
            return FeatureBinner.MissingBin;
        }

        int low = 0, high = edges.Length;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (value <= edges[middle])
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return (byte)low;
    }
}
