using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

public sealed class ModelEvaluatorTests
{
    private static readonly TrainingSpec Churn = new(TaskKind.Binary, "churn", new Dictionary<string, string>());

    [Fact]
    public void Evaluate_ChurnLogisticRegression_MetricsNearScikitLearnsFigures()
    {
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var model = ModelTrainer.Fit(train, Churn);

        var evaluation = ModelEvaluator.Evaluate(model, holdout);

        // scikit-learn's logreg on the same kind of 80/20 split: auc .8419, accuracy .8055 (tests/data/README.md).
        Assert.Equal(holdout.RowCount, evaluation.RowCount);
        Assert.InRange(evaluation[MetricNames.Auc], 0.82, 0.87);
        Assert.InRange(evaluation[MetricNames.Accuracy], 0.78, 0.83);
        Assert.Equal(holdout.RowCount, evaluation.Metrics.Confusion!.Counts.Sum(r => r.Sum()));
        Assert.Equal(evaluation.Metrics.Roc!.Count, evaluation.Metrics.Roc.Thresholds.Length);
    }

    [Fact]
    public void Metric_EveryBinaryMetric_EqualsTheFullScoresValue()
    {
        const int rows = 50_000;
        var random = new Random(3);
        var targets = new double[rows];
        var probabilities = new double[2 * rows];
        for (var i = 0; i < rows; i++)
        {
            targets[i] = random.NextDouble() < 0.25 ? 1 : 0;
            // Rounded to 1/1000 so that many rows tie.
            var score = Math.Round(Math.Clamp((0.2 * targets[i]) + (0.8 * random.NextDouble()), 0, 1), 3);
            probabilities[(2 * i) + 1] = score;
            probabilities[2 * i] = 1 - score;
        }

        var predictions = new Predictions(TaskKind.Binary, ["0", "1"], Array.ConvertAll(probabilities.Where((_, k) => k % 2 == 1).ToArray(), p => p >= 0.5 ? 1.0 : 0.0), probabilities);
        var evaluation = ModelEvaluator.Score(predictions, targets);

        foreach (var metric in MetricNames.Binary)
        {
            Assert.Equal(evaluation[metric], ModelEvaluator.Metric(predictions, targets, metric));
        }

        Assert.Throws<UnknownMetricException>(() => ModelEvaluator.Metric(predictions, targets, MetricNames.Rmse));
    }

    [Fact]
    public void Auc_NegativeZeroAndTiedScores_EqualsCountingPairs()
    {
        var random = new Random(11);
        var levels = new[] { -3.5, -1e-300, -0.0, 0.0, 1e-300, 0.25, 0.5, 1, 7e10 };
        var labels = new int[3_000];
        var scores = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = random.Next(2);
            scores[i] = random.Next(4) == 0 ? random.NextDouble() - 0.5 : levels[random.Next(levels.Length)];
        }

        // Mann-Whitney: each (positive, negative) pair counts 1 when the positive scores higher, 1/2 when they tie.
        double wins = 0, pairs = 0;
        for (var p = 0; p < labels.Length; p++)
        {
            for (var n = 0; n < labels.Length; n++)
            {
                if (labels[p] == 1 && labels[n] == 0)
                {
                    pairs++;
                    wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }

        Assert.Equal(wins / pairs, BinaryMetrics.Auc(labels, scores), 12);
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
