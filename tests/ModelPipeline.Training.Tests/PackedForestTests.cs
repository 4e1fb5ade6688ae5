using ModelPipeline.Training.Features;
using ModelPipeline.Training.Tests.Support;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Training.Tests;

/// <summary>Batch prediction (flattened trees, blocks of rows tree by tree) scores exactly as walking each tree node by node.</summary>
public sealed class PackedForestTests
{
    public static TheoryData<string, string, TaskKind, int> Cases => new()
    {
        // churn: categorical splits and missing values; 1,409 holdout rows (not a multiple of 8 or of the block).
        { "churn.csv", "churn", TaskKind.Binary, 60 },
        { "satellite.csv", "class", TaskKind.Multiclass, 5 },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, 40 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_SameScoresAsWalkingEachTree(string file, string label, TaskKind task, int iterations)
    {
        var (train, holdout) = TestData.Split(file, label, stratify: task != TaskKind.Regression);
        var model = ModelTrainer.Fit(train, Specs.Of(task, label, "gradient_boosting", ("max_iterations", $"{iterations}")));
        var body = Assert.IsType<TreeEnsembleBody>(model.Body);
        var inputs = InputBinding.Bind(model.Schema, holdout);
        var features = body.Binner.FeatureCount;
        var bins = body.Binner.Bin(inputs, null, new ParallelOptions());
        var outputs = body.Baseline.Length;

        var expected = new double[holdout.RowCount * outputs];
        for (var row = 0; row < holdout.RowCount; row++)
        {
            for (var k = 0; k < outputs; k++)
            {
                expected[(row * outputs) + k] = body.Baseline[k];
            }

            for (var t = 0; t < body.Trees.Count; t++)
            {
                expected[(row * outputs) + (t % outputs)] += body.Trees[t].Predict(bins, features, row);
            }
        }

        var predictions = model.Predict(holdout, threads: 2);
        var expectedValues = new double[holdout.RowCount];
        var expectedProbabilities = task == TaskKind.Regression ? null : new double[holdout.RowCount * model.Schema.Classes.Count];
        ScoreLink.Apply(task, expected, 0, holdout.RowCount, expectedValues, expectedProbabilities);
        Assert.Equal(expectedValues, predictions.Values);
        if (expectedProbabilities is not null)
        {
            Assert.Equal(expectedProbabilities, predictions.Probabilities);
        }
    }
}
