using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

public sealed class ModelEvaluatorTests
{
    private static readonly TrainingSpec Churn = new(TaskKind.Binary, "churn", new Dictionary<string, string>());

    [Fact]
    public void Evaluate_ChurnLogisticRegression_MetricsNearScikitLearnsFigures()
    {
        var (train, holdout) = SharedData.Split(SharedData.Read("churn.csv"), "churn");
        var model = ModelTrainer.Fit(train, Churn);

        var evaluation = ModelEvaluator.Evaluate(model, holdout);

        // scikit-learn's logreg on the same kind of 80/20 split: auc .8419, accuracy .8055 (shared/data/README.md).
        Assert.Equal(holdout.RowCount, evaluation.RowCount);
        Assert.InRange(evaluation[MetricNames.Auc], 0.82, 0.87);
        Assert.InRange(evaluation[MetricNames.Accuracy], 0.78, 0.83);
        Assert.Equal(holdout.RowCount, evaluation.Metrics.Confusion!.Counts.Sum(r => r.Sum()));
        Assert.Equal(evaluation.Metrics.Roc!.Count, evaluation.Metrics.Roc.Thresholds.Length);
    }

    [Fact]
    public void Score_TargetCountDiffers_ThrowsClearMessage()
    {
        var predictions = new Predictions(TaskKind.Regression, [], [1, 2, 3], null);

        var error = Assert.Throws<EvaluationException>(() => ModelEvaluator.Score(predictions, [1, 2]));

        Assert.Equal("2 target values but 3 predictions.", error.Message);
    }

    [Fact]
    public void Score_MissingTarget_ThrowsClearMessage()
    {
        var predictions = new Predictions(TaskKind.Regression, [], [1, 2, 3], null);

        var error = Assert.Throws<EvaluationException>(() => ModelEvaluator.Score(predictions, [1, double.NaN, 3]));

        Assert.Equal("1 holdout rows have no target value; drop them before evaluating.", error.Message);
    }

    [Fact]
    public void Score_Multiclass_UsesProbabilitiesAndClassNames()
    {
        var predictions = new Predictions(TaskKind.Multiclass, ["a", "b", "c"], [0, 1, 2], [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.1, 0.8]);

        var evaluation = ModelEvaluator.Score(predictions, [0, 1, 1]);

        Assert.Equal(2.0 / 3, evaluation[MetricNames.Accuracy], 12);
        Assert.Equal(["a", "b", "c"], evaluation.Metrics.Confusion!.Classes);
        Assert.Equal(1, evaluation.Metrics.Confusion[1, 2]);
    }
}
