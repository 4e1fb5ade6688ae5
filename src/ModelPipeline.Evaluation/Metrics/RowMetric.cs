using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// One metric of one evaluation, recomputable under per-row counts (a bootstrap resample) without copying rows:
/// the score ranking and predicted classes are computed once.
/// </summary>
internal sealed class RowMetric
{
    private readonly ModelEvaluation _evaluation;
    private readonly int[]? _labels;
    private readonly int[]? _predicted;
    private readonly double[]? _scores;
    private readonly ScoreRanking? _ranking;

    public RowMetric(ModelEvaluation evaluation, string metric)
    {
        if (!evaluation.Metrics.Contains(metric))
        {
            throw new UnknownMetricException(metric, evaluation.Metrics.Values.Keys);
        }

        _evaluation = evaluation;
        Metric = metric;
        if (evaluation.Task == TaskKind.Regression)
        {
            return;
        }

        _labels = evaluation.Labels();
        _predicted = evaluation.PredictedLabels();
        if (evaluation.Task == TaskKind.Binary)
        {
            _scores = evaluation.Predictions.PositiveScores();
            if (metric is MetricNames.Auc or MetricNames.AucPr)
            {
                _ranking = new ScoreRanking(_scores);
            }
        }
    }

    public string Metric { get; }

    public int RowCount => _evaluation.RowCount;

    /// <summary>The metric with each row counted <paramref name="counts"/>[row] times (empty = once).</summary>
    public double Value(ReadOnlySpan<int> counts) => _evaluation.Task switch
    {
        TaskKind.Binary => Binary(counts),
        TaskKind.Multiclass => Multiclass(counts),
        _ => Regression(counts),
    };

    private double Binary(ReadOnlySpan<int> counts) => Metric switch
    {
        MetricNames.Auc => _ranking!.Auc(_labels, counts),
        MetricNames.AucPr => _ranking!.AveragePrecision(_labels, counts),
        MetricNames.LogLoss => BinaryMetrics.LogLossWeighted(_labels, _scores, counts, BinaryMetrics.DefaultLogLossEpsilon),
        MetricNames.Accuracy => BinaryCounts.Of(_labels, _scores, _evaluation.Threshold, counts).Accuracy,
        MetricNames.Precision => BinaryCounts.Of(_labels, _scores, _evaluation.Threshold, counts).Precision,
        MetricNames.Recall => BinaryCounts.Of(_labels, _scores, _evaluation.Threshold, counts).Recall,
        _ => BinaryCounts.Of(_labels, _scores, _evaluation.Threshold, counts).F1,
    };

    private double Multiclass(ReadOnlySpan<int> counts) => Metric switch
    {
        MetricNames.Accuracy => MulticlassMetrics.Weighted.Accuracy(_labels, _predicted, counts),
        MetricNames.MacroF1 => MulticlassMetrics.Weighted.MacroF1(_labels, _predicted, _evaluation.Classes.Count, counts),
        MetricNames.MicroF1 => MulticlassMetrics.Weighted.MicroF1(_labels, _predicted, counts),
        _ => MulticlassMetrics.Weighted.LogLoss(_labels, _evaluation.Predictions.Probabilities!, _evaluation.Classes.Count, counts, BinaryMetrics.DefaultLogLossEpsilon),
    };

    private double Regression(ReadOnlySpan<int> counts) => Metric switch
    {
        MetricNames.Rmse => RegressionMetrics.Weighted.Rmse(_evaluation.Actual, _evaluation.Predictions.Values, counts),
        MetricNames.Mae => RegressionMetrics.Weighted.Mae(_evaluation.Actual, _evaluation.Predictions.Values, counts),
        _ => RegressionMetrics.Weighted.R2(_evaluation.Actual, _evaluation.Predictions.Values, counts),
    };
}
