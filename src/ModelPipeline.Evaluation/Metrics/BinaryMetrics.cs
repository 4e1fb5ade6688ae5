namespace ModelPipeline.Evaluation;

/// <summary>
/// Binary classification metrics on labels (0/1, 1 = positive) and positive-class scores, each equal to
/// scikit-learn 1.2's function of the same name. A row is predicted positive when its score is at least the
/// threshold. Undefined values (e.g. AUC when only one class is present) are NaN, never exceptions.
/// </summary>
public static partial class BinaryMetrics
{
    public const double DefaultThreshold = 0.5;

    /// <summary>scikit-learn 1.2's default log-loss clip (eps="auto": the float64 machine epsilon).</summary>
    public const double DefaultLogLossEpsilon = 2.220446049250313e-16;

    /// <summary>All binary metrics by name (see <see cref="MetricNames.Binary"/>) with confusion matrix and curves.</summary>
    public static Metrics Compute(IReadOnlyList<string> classes, ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = DefaultThreshold)
    {
        CheckInputs(labels, scores);
        var counts = BinaryCounts.Of(labels, scores, threshold, []);
        var ranking = new ScoreRanking(scores);
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.Accuracy] = counts.Accuracy,
            [MetricNames.Precision] = counts.Precision,
            [MetricNames.Recall] = counts.Recall,
            [MetricNames.F1] = counts.F1,
            [MetricNames.Auc] = ranking.Auc(labels, []),
            [MetricNames.AucPr] = ranking.AveragePrecision(labels, []),
            [MetricNames.LogLoss] = LogLoss(labels, scores),
        };
        return new Metrics(values, Confusion(classes, labels, scores, threshold), RocCurve(labels, ranking), PrecisionRecallCurve(labels, ranking));
    }

    /// <summary>The metric of <see cref="Compute"/> named <paramref name="metric"/>, computed alone.</summary>
    /// <exception cref="UnknownMetricException">Not a binary metric.</exception>
    internal static double Value(string metric, ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold)
    {
        CheckInputs(labels, scores);
        return metric switch
        {
            MetricNames.Accuracy => BinaryCounts.Of(labels, scores, threshold, []).Accuracy,
            MetricNames.Precision => BinaryCounts.Of(labels, scores, threshold, []).Precision,
            MetricNames.Recall => BinaryCounts.Of(labels, scores, threshold, []).Recall,
            MetricNames.F1 => BinaryCounts.Of(labels, scores, threshold, []).F1,
            MetricNames.Auc => new ScoreRanking(scores).Auc(labels, []),
            MetricNames.AucPr => new ScoreRanking(scores).AveragePrecision(labels, []),
            MetricNames.LogLoss => LogLossWeighted(labels, scores, [], DefaultLogLossEpsilon),
            _ => throw new UnknownMetricException(metric, MetricNames.Binary),
        };
    }

    public static double Accuracy(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = DefaultThreshold) =>
        Counts(labels, scores, threshold).Accuracy;

    /// <summary>tp / (tp + fp); 0 when nothing is predicted positive (scikit-learn's zero_division default).</summary>
    public static double Precision(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = DefaultThreshold) =>
        Counts(labels, scores, threshold).Precision;

    /// <summary>tp / (tp + fn); 0 when there are no positives.</summary>
    public static double Recall(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = DefaultThreshold) =>
        Counts(labels, scores, threshold).Recall;

    public static double F1(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = DefaultThreshold) =>
        Counts(labels, scores, threshold).F1;

    /// <summary>Area under the ROC curve, ties handled like roc_auc_score; NaN when only one class is present.</summary>
    public static double Auc(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        CheckInputs(labels, scores);
        return new ScoreRanking(scores).Auc(labels, []);
    }

    /// <summary>Area under the precision-recall curve as average_precision_score; NaN without positives.</summary>
    public static double AucPr(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        CheckInputs(labels, scores);
        return new ScoreRanking(scores).AveragePrecision(labels, []);
    }

    /// <summary>Mean negative log-likelihood, scores clipped to [eps, 1 - eps] like log_loss.</summary>
    public static double LogLoss(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double epsilon = DefaultLogLossEpsilon)
    {
        CheckInputs(labels, scores);
        return LogLossWeighted(labels, scores, [], epsilon);
    }

    /// <summary>Rows = actual (negative, positive), columns = predicted.</summary>
    public static ConfusionMatrix Confusion(IReadOnlyList<string> classes, ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold = DefaultThreshold)
    {
        if (classes.Count != 2)
        {
            throw new ArgumentException($"A binary confusion matrix needs 2 classes, got {classes.Count}.");
        }

        var c = Counts(labels, scores, threshold);
        return new ConfusionMatrix(classes, [[(int)c.TrueNegatives, (int)c.FalsePositives], [(int)c.FalseNegatives, (int)c.TruePositives]]);
    }

    internal static BinaryCounts Counts(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold)
    {
        CheckInputs(labels, scores);
        return BinaryCounts.Of(labels, scores, threshold, []);
    }

    internal static double LogLossWeighted(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, ReadOnlySpan<int> counts, double epsilon)
    {
        double sum = 0, total = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            var weight = counts.IsEmpty ? 1 : counts[row];
            if (weight == 0)
            {
                continue;
            }

            // Clip, then renormalise the [1 - p, p] pair, as scikit-learn does.
            var p = Math.Clamp(scores[row], epsilon, 1 - epsilon);
            var q = 1 - p;
            var probability = (labels[row] == 1 ? p : q) / (p + q);
            sum -= weight * Math.Log(probability);
            total += weight;
        }

        return total == 0 ? double.NaN : sum / total;
    }

    internal static void CheckInputs(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
        {
            throw new ArgumentException($"{labels.Length} labels but {scores.Length} scores.");
        }

        if (labels.Length == 0)
        {
            throw new ArgumentException("No rows to score.");
        }

        foreach (var label in labels)
        {
            if (label is not (0 or 1))
            {
                throw new ArgumentException($"Binary labels must be 0 or 1, got {label}.");
            }
        }
    }
}
