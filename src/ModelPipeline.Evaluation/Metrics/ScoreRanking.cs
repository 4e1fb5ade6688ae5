namespace ModelPipeline.Evaluation;

/// <summary>
/// Rows sorted by descending score with tied scores grouped, computed once and reused for AUC, AUC-PR, curves
/// and every bootstrap resample (a resample is the same ranking with per-row counts).
/// </summary>
internal sealed class ScoreRanking
{
    public ScoreRanking(ReadOnlySpan<double> scores)
    {
        var keys = new double[scores.Length];
        Order = new int[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"Score of row {i} is {scores[i]}; scores must be finite numbers.");
            }

            keys[i] = -scores[i];
            Order[i] = i;
        }

        Array.Sort(keys, Order);
        var ends = new List<int>();
        var groupScores = new List<double>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == keys.Length - 1 || keys[i + 1] != keys[i])
            {
                ends.Add(i + 1);
                groupScores.Add(-keys[i]);
            }
        }

        GroupEnds = [.. ends];
        GroupScores = [.. groupScores];
    }

    /// <summary>Row indices by descending score.</summary>
    public int[] Order { get; }

    /// <summary>Exclusive end (into <see cref="Order"/>) of each run of equal scores.</summary>
    public int[] GroupEnds { get; }

    /// <summary>The score of each group (descending): the curves' thresholds.</summary>
    public double[] GroupScores { get; }

    /// <summary>
    /// Cumulative true and false positives at each distinct threshold (scikit-learn's _binary_clf_curve);
    /// <paramref name="counts"/> gives how often each row counts (empty = once).
    /// </summary>
    public (double[] Tps, double[] Fps) Cumulative(ReadOnlySpan<int> labels, ReadOnlySpan<int> counts)
    {
        var tps = new double[GroupEnds.Length];
        var fps = new double[GroupEnds.Length];
        double tp = 0, fp = 0;
        var start = 0;
        for (var g = 0; g < GroupEnds.Length; g++)
        {
            for (var i = start; i < GroupEnds[g]; i++)
            {
                var row = Order[i];
                var weight = counts.IsEmpty ? 1 : counts[row];
                if (labels[row] == 1)
                {
                    tp += weight;
                }
                else
                {
                    fp += weight;
                }
            }

            tps[g] = tp;
            fps[g] = fp;
            start = GroupEnds[g];
        }

        return (tps, fps);
    }

    /// <summary>Area under the ROC curve (trapezoids, ties as in scikit-learn); NaN when one class is absent.</summary>
    public double Auc(ReadOnlySpan<int> labels, ReadOnlySpan<int> counts)
    {
        // One streaming pass in count units (no per-call arrays: bootstrap calls this a thousand times);
        // the area is normalised by positives × negatives at the end.
        double area = 0, tp = 0, fp = 0;
        var start = 0;
        foreach (var end in GroupEnds)
        {
            var (groupTp, groupFp) = CountGroup(start, end, labels, counts);

            area += groupFp * (tp + tp + groupTp) / 2;
            tp += groupTp;
            fp += groupFp;
            start = end;
        }

        return tp <= 0 || fp <= 0 ? double.NaN : area / (tp * fp);
    }

    /// <summary>scikit-learn's average_precision_score (step integral of the PR curve); NaN without positives.</summary>
    public double AveragePrecision(ReadOnlySpan<int> labels, ReadOnlySpan<int> counts)
    {
        double sum = 0, tp = 0, fp = 0;
        var start = 0;
        foreach (var end in GroupEnds)
        {
            var (groupTp, groupFp) = CountGroup(start, end, labels, counts);

            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0)
            {
                // recall rises by groupTp / positives at precision tp / (tp + fp)
                sum += groupTp * (tp / (tp + fp));
            }

            start = end;
        }

        return tp <= 0 ? double.NaN : sum / tp;
    }

    /// <summary>Weighted positives and negatives among the ranked rows start..end (one tied-score group).</summary>
    private (double Tp, double Fp) CountGroup(int start, int end, ReadOnlySpan<int> labels, ReadOnlySpan<int> counts)
    {
        double tp = 0, fp = 0;
        for (var i = start; i < end; i++)
        {
            var row = Order[i];
            var weight = counts.IsEmpty ? 1 : counts[row];
            if (labels[row] == 1)
            {
                tp += weight;
            }
            else
            {
                fp += weight;
            }
        }

        return (tp, fp);
    }
}
