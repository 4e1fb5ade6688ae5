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
        var (tps, fps) = Cumulative(labels, counts);
        var positives = tps[^1];
        var negatives = fps[^1];
        if (positives <= 0 || negatives <= 0)
        {
            return double.NaN;
        }

        double area = 0, previousX = 0, previousY = 0;
        for (var g = 0; g < tps.Length; g++)
        {
            var x = fps[g] / negatives;
            var y = tps[g] / positives;
            area += (x - previousX) * (y + previousY) / 2;
            previousX = x;
            previousY = y;
        }

        return area;
    }

    /// <summary>scikit-learn's average_precision_score (step integral of the PR curve); NaN without positives.</summary>
    public double AveragePrecision(ReadOnlySpan<int> labels, ReadOnlySpan<int> counts)
    {
        var (tps, fps) = Cumulative(labels, counts);
        var positives = tps[^1];
        if (positives <= 0)
        {
            return double.NaN;
        }

        double sum = 0, previousRecall = 0;
        for (var g = 0; g < tps.Length; g++)
        {
            var predicted = tps[g] + fps[g];
            var precision = predicted == 0 ? 0 : tps[g] / predicted;
            var recall = tps[g] / positives;
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return sum;
    }
}
