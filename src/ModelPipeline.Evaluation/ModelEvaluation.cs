using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// One model scored on one set of rows: its predictions, the actual targets (class indices for classification)
/// and the metrics. The per-row data are kept so that the promotion gate can run paired tests against a champion
/// scored on the same rows, and so that reports can draw curves.
/// </summary>
public sealed record ModelEvaluation(Predictions Predictions, double[] Actual, Metrics Metrics, double Threshold = BinaryMetrics.DefaultThreshold)
{
    public TaskKind Task => Predictions.Task;

    public IReadOnlyList<string> Classes => Predictions.Classes;

    public int RowCount => Actual.Length;

    /// <summary>The actual class index of each row (classification only).</summary>
    public int[] Labels() => Task == TaskKind.Regression
        ? throw new InvalidOperationException("A regression model has no class labels.")
        : Array.ConvertAll(Actual, a => (int)a);

    /// <summary>The class index each row is predicted as (binary: score at or above the threshold).</summary>
    public int[] PredictedLabels() => Task switch
    {
        TaskKind.Binary => Array.ConvertAll(Predictions.PositiveScores(), s => s >= Threshold ? 1 : 0),
        TaskKind.Multiclass => MulticlassMetrics.Predict(Predictions.Probabilities!, Classes.Count, RowCount),
        _ => throw new InvalidOperationException("A regression model has no class labels."),
    };

    /// <summary>The value of a metric on these rows.</summary>
    public double this[string metric] => Metrics[metric];
}
