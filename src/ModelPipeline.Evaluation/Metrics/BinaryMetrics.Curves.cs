namespace ModelPipeline.Evaluation;

public static partial class BinaryMetrics
{
    /// <summary>ROC curve points like scikit-learn 1.2's roc_curve (drop_intermediate=True).</summary>
    public static RocCurve RocCurve(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        CheckInputs(labels, scores);
        return RocCurve(labels, new ScoreRanking(scores));
    }

    /// <summary>Precision-recall points like scikit-learn 1.2's precision_recall_curve.</summary>
    public static PrecisionRecallCurve PrecisionRecallCurve(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        CheckInputs(labels, scores);
        return PrecisionRecallCurve(labels, new ScoreRanking(scores));
    }

    internal static RocCurve RocCurve(ReadOnlySpan<int> labels, ScoreRanking ranking)
    {
        var (tps, fps) = ranking.Cumulative(labels, []);
        var thresholds = ranking.GroupScores;
        var keep = new List<int>(tps.Length);
        for (var i = 0; i < tps.Length; i++)
        {
            // Keep the ends and every corner: a point collinear with both neighbours adds nothing to the curve.
            var corner = tps.Length <= 2 || i == 0 || i == tps.Length - 1
                || fps[i + 1] - (2 * fps[i]) + fps[i - 1] != 0
                || tps[i + 1] - (2 * tps[i]) + tps[i - 1] != 0;
            if (corner)
            {
                keep.Add(i);
            }
        }

        var positives = tps[^1];
        var negatives = fps[^1];
        var fpr = new double[keep.Count + 1];
        var tpr = new double[keep.Count + 1];
        var cut = new double[keep.Count + 1];
        cut[0] = thresholds[keep[0]] + 1;
        fpr[0] = negatives > 0 ? 0 : double.NaN;
        tpr[0] = positives > 0 ? 0 : double.NaN;
        for (var k = 0; k < keep.Count; k++)
        {
            var i = keep[k];
            fpr[k + 1] = negatives > 0 ? fps[i] / negatives : double.NaN;
            tpr[k + 1] = positives > 0 ? tps[i] / positives : double.NaN;
            cut[k + 1] = thresholds[i];
        }

        return new RocCurve(fpr, tpr, cut);
    }

    internal static PrecisionRecallCurve PrecisionRecallCurve(ReadOnlySpan<int> labels, ScoreRanking ranking)
    {
        var (tps, fps) = ranking.Cumulative(labels, []);
        var m = tps.Length;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var thresholds = new double[m];
        var positives = tps[^1];
        for (var i = 0; i < m; i++)
        {
            // scikit-learn returns the points by increasing threshold: reverse the descending order.
            var j = m - 1 - i;
            var predicted = tps[j] + fps[j];
            precision[i] = predicted == 0 ? 0 : tps[j] / predicted;
            recall[i] = positives > 0 ? tps[j] / positives : 1;
            thresholds[i] = ranking.GroupScores[j];
        }

        precision[m] = 1;
        recall[m] = 0;
        return new PrecisionRecallCurve(precision, recall, thresholds);
    }
}
