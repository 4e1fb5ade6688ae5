using ModelPipeline.Training.Features;
using ModelPipeline.Training.Tests.Support;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Training.Tests;

/// <summary>Scoring by masks of reachable leaves gives the same bits as walking the flattened trees.</summary>
public sealed class LeafMaskForestTests
{
    public static TheoryData<string, string, TaskKind, int> Cases => new()
    {
        // 60 trees: the last block of eight is partial; churn has categorical splits and missing values.
        { "churn.csv", "churn", TaskKind.Binary, 60 },
        { "satellite.csv", "class", TaskKind.Multiclass, 5 },
        { "diabetes_progression.csv", "disease_progression", TaskKind.Regression, 40 },
        { "flights_q1_sample.csv", "delayed", TaskKind.Binary, 24 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_SameAsPackedForest(string file, string label, TaskKind task, int iterations)
    {
        var (train, holdout) = TestData.Split(file, label, stratify: task != TaskKind.Regression);
        var model = ModelTrainer.Fit(train, Specs.Of(task, label, "gradient_boosting", ("max_iterations", $"{iterations}")));
        var body = Assert.IsType<TreeEnsembleBody>(model.Body);
        var bins = body.Binner.Bin(InputBinding.Bind(model.Schema, holdout), null, new ParallelOptions());
        var outputs = body.Baseline.Length;
        var rows = holdout.RowCount;
        var walked = new double[rows * outputs];
        var masked = new double[rows * outputs];
        for (var i = 0; i < walked.Length; i++)
        {
            walked[i] = masked[i] = body.Baseline[i % outputs];
        }

        new PackedForest(body.Trees).Score(bins, rows, body.Binner.FeatureCount, walked, outputs);
        var forest = LeafMaskForest.TryCreate(body.Trees, body.Binner.FeatureCount);
        Assert.NotNull(forest);
        forest.Score(bins, rows, masked, outputs);
        Assert.Equal(walked, masked);
    }

    [Fact]
    public void TryCreate_TreesOverThirtyTwoLeaves_WalkedInstead()
    {
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var model = ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", "gradient_boosting",
            ("max_iterations", "3"), ("max_leaves", "60"), ("min_samples_leaf", "2")));
        var body = Assert.IsType<TreeEnsembleBody>(model.Body);
        Assert.Contains(body.Trees, t => t.Nodes.Count(n => n.IsLeaf) > LeafMaskForest.MaxLeaves);
        Assert.Null(LeafMaskForest.TryCreate(body.Trees, body.Binner.FeatureCount));

        var bins = body.Binner.Bin(InputBinding.Bind(model.Schema, holdout), null, new ParallelOptions());
        var predictions = model.Predict(holdout, threads: 2);
        for (var row = 0; row < holdout.RowCount; row++)
        {
            var score = body.Baseline[0];
            foreach (var tree in body.Trees)
            {
                score += tree.Predict(bins, body.Binner.FeatureCount, row);
            }

            Assert.Equal(ScoreLink.Sigmoid(score), predictions.Probabilities![(2 * row) + 1]);
        }
    }
}
