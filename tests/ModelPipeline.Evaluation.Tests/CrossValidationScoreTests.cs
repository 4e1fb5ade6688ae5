using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

public sealed class CrossValidationScoreTests
{
    private static readonly TrainingSpec Churn = new(TaskKind.Binary, "churn", new Dictionary<string, string>());

    [Fact]
    public void Score_ChurnLogistic_FoldAucsPlausibleAndIndependentOfParallelism()
    {
        var churn = TestData.Read("churn.csv");
        var frame = churn.Take([.. Enumerable.Range(0, 3000)]);

        var sequential = CrossValidation.Score(frame, Churn, folds: 3, MetricNames.Auc, seed: 3, parallelism: 1);
        var parallel = CrossValidation.Score(frame, Churn, folds: 3, MetricNames.Auc, seed: 3, parallelism: 2);

        Assert.Equal(3, sequential.FoldScores.Length);
        Assert.All(sequential.FoldScores, auc => Assert.InRange(auc, 0.78, 0.90));
        Assert.InRange(sequential.StandardDeviation, 0, 0.03);
        Assert.Equal(sequential.FoldScores, parallel.FoldScores);
    }

    [Fact]
    public void Score_MetricOfAnotherTask_ThrowsBeforeFitting()
    {
        var frame = TestData.Read("churn.csv");

        var error = Assert.Throws<UnknownMetricException>(() => CrossValidation.Score(frame, Churn, 3, MetricNames.Rmse, seed: 0));

        Assert.Equal("Unknown metric 'rmse'. Available: accuracy, precision, recall, f1, auc, auc_pr, log_loss.", error.Message);
    }

    [Fact]
    public void Score_TrainerNotForTask_TrainingErrorSurfacesUnwrapped()
    {
        var frame = TestData.Read("churn.csv");

        Assert.Throws<TrainingOptionsException>(() =>
            CrossValidation.Score(frame, Churn with { TrainerType = "linear_regression" }, 2, MetricNames.Auc, seed: 0, parallelism: 2));
    }
}
