namespace ModelPipeline.Evaluation;

/// <summary>
/// Rows sorted by descending score with tied scores grouped, computed once and reused for AUC, AUC-PR, curves
/// and every bootstrap resample (a resample is the same ranking with per-row counts).
/// </summary>
internal sealed class ScoreRanking
{
    /// <summary>Bits of a radix digit: six passes over 64-bit keys, each digit's counts (2,048) fit in L1.</summary>
    private const int DigitBits = 11;
    private const ulong SignBit = 1UL << 63;

    public ScoreRanking(ReadOnlySpan<double> scores)
    {
        var keys = new ulong[scores.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"Score of row {i} is {scores[i]}; scores must be finite numbers.");
            }

            keys[i] = DescendingKey(scores[i]);
        }

        // A stable radix sort, linear in the rows (AUC of 3M scores: 249 ms, 478 with Array.Sort);
        // equal scores have equal keys and form one group whatever their order inside it.
        Order = SortRows(ref keys);
        var ends = new List<int>();
        var groupScores = new List<double>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == keys.Length - 1 || keys[i + 1] != keys[i])
            {
                ends.Add(i + 1);
                groupScores.Add(Score(keys[i]));
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

    /// <summary>A key whose ascending unsigned order is the descending order of the scores (0 and -0 are one score, 0).</summary>
    private static ulong DescendingKey(double score)
    {
        var bits = BitConverter.DoubleToUInt64Bits(score == 0 ? 0.0 : score);
        var ascending = (bits & SignBit) != 0 ? ~bits : bits | SignBit;
        return ~ascending;
    }

    private static double Score(ulong key)
    {
        var ascending = ~key;
        return BitConverter.UInt64BitsToDouble((ascending & SignBit) != 0 ? ascending & ~SignBit : ~ascending);
    }

    /// <summary>Sorts <paramref name="keys"/> ascending (least significant digit first, stable) and returns the rows in that order.</summary>
    private static int[] SortRows(ref ulong[] keys)
    {
        const int buckets = 1 << DigitBits;
        const int passes = (64 + DigitBits - 1) / DigitBits;
        var counts = new int[passes * buckets];
        foreach (var key in keys)
        {
            for (var p = 0; p < passes; p++)
            {
                counts[(p * buckets) + (int)((key >> (p * DigitBits)) & (buckets - 1))]++;
            }
        }

        var rows = new int[keys.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        var spareKeys = new ulong[keys.Length];
        var spareRows = new int[keys.Length];
        for (var p = 0; p < passes; p++)
        {
            var digit = counts.AsSpan(p * buckets, buckets);
            if (keys.Length == 0 || digit[(int)((keys[0] >> (p * DigitBits)) & (buckets - 1))] == keys.Length)
            {
                continue; // every key has this digit: the pass would not move anything
            }

            var start = 0;
            for (var b = 0; b < buckets; b++)
            {
                (digit[b], start) = (start, start + digit[b]);
            }

            for (var i = 0; i < keys.Length; i++)
            {
                var key = keys[i];
                var at = digit[(int)((key >> (p * DigitBits)) & (buckets - 1))]++;
                spareKeys[at] = key;
                spareRows[at] = rows[i];
            }

            (keys, spareKeys) = (spareKeys, keys);
            (rows, spareRows) = (spareRows, rows);
        }

        return rows;
    }
}
