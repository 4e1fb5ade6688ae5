using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>Scores predictions against actual targets: the Evaluate step of a run.</summary>
public static class ModelEvaluator
{
    /// <summary>
    /// Predicts every row of <paramref name="holdout"/> with <paramref name="model"/> and scores the predictions
    /// against the holdout's label column. Score the champion on the same holdout to compare the two.
    /// </summary>
    /// <exception cref="ModelSchemaException">The holdout lacks an input or the label column, or has an unknown class.</exception>
    public static ModelEvaluation Evaluate(IScoringModel model, Frame holdout, double threshold = BinaryMetrics.DefaultThreshold, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        var actual = model.ReadTargets(holdout);
        return Score(model.Predict(holdout, threads), actual, threshold);
    }

    /// <summary>
    /// Scores <paramref name="predictions"/> against <paramref name="actual"/> (class indices into
    /// <see cref="Predictions.Classes"/> for classification, values for regression).
    /// </summary>
    /// <exception cref="EvaluationException">The targets do not fit the predictions (count, missing, class index).</exception>
    public static ModelEvaluation Score(Predictions predictions, double[] actual, double threshold = BinaryMetrics.DefaultThreshold)
    {
        Check(predictions, actual);
        var metrics = predictions.Task switch
        {
            TaskKind.Binary => BinaryMetrics.Compute(predictions.Classes, Labels(actual), predictions.PositiveScores(), threshold),
            TaskKind.Multiclass => MulticlassMetrics.Compute(predictions.Classes, Labels(actual), predictions.Probabilities!),
            _ => RegressionMetrics.Compute(actual, predictions.Values),
        };
        return new ModelEvaluation(predictions, actual, metrics, threshold);
    }

    /// <summary>
    /// One metric of <see cref="Score"/> (the same value) without the others, the confusion matrix and the curves: what
    /// a check that watches one metric on millions of rows needs.
    /// </summary>
    /// <exception cref="EvaluationException">The targets do not fit the predictions (count, missing, class index).</exception>
    /// <exception cref="UnknownMetricException">The task has no metric of that name.</exception>
    public static double Metric(Predictions predictions, double[] actual, string metric, double threshold = BinaryMetrics.DefaultThreshold)
    {
        if (predictions.Task != TaskKind.Binary)
        {
            return Score(predictions, actual, threshold)[metric];
        }

        Check(predictions, actual);
        return BinaryMetrics.Value(metric, Labels(actual), predictions.PositiveScores(), threshold);
    }

    /// <summary>Scores binary labels (0/1) and positive-class scores that did not come from a <see cref="Predictions"/>.</summary>
    public static ModelEvaluation ScoreBinary(int[] labels, double[] scores, IReadOnlyList<string>? classes = null, double threshold = BinaryMetrics.DefaultThreshold)
    {
        var probabilities = new double[2 * scores.Length];
        var values = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[2 * i] = 1 - scores[i];
            probabilities[(2 * i) + 1] = scores[i];
            values[i] = scores[i] >= threshold ? 1 : 0;
        }

        var predictions = new Predictions(TaskKind.Binary, classes ?? ["0", "1"], values, probabilities);
        return Score(predictions, Array.ConvertAll(labels, l => (double)l), threshold);
    }

    /// <summary>Scores regression predictions that did not come from a <see cref="Predictions"/>.</summary>
    public static ModelEvaluation ScoreRegression(double[] actual, double[] predicted) =>
        Score(new Predictions(TaskKind.Regression, [], predicted, null), actual);

    private static int[] Labels(double[] actual) => Array.ConvertAll(actual, a => (int)a);

    private static void Check(Predictions predictions, double[] actual)
    {
        if (actual.Length != predictions.RowCount)
        {
            throw new EvaluationException($"{actual.Length} target values but {predictions.RowCount} predictions.");
        }

        if (actual.Length == 0)
        {
            throw new EvaluationException("The holdout has no rows to evaluate on.");
        }

        var missing = actual.Count(double.IsNaN);
        if (missing > 0)
        {
            throw new EvaluationException($"{missing} holdout rows have no target value; drop them before evaluating.");
        }

        if (predictions.Task == TaskKind.Regression)
        {
            return;
        }

        if (predictions.Probabilities is null)
        {
            throw new EvaluationException("Classification predictions carry no probabilities.");
        }

        foreach (var a in actual)
        {
            if (a < 0 || a >= predictions.Classes.Count || a != Math.Floor(a))
            {
                throw new EvaluationException($"Target {a} is not a class index (0..{predictions.Classes.Count - 1}).");
            }
        }
    }
}
