namespace ModelPipeline.Evaluation;

/// <summary>
/// DeLong, DeLong &amp; Clarke-Pearson (1988): the variance of the difference of two correlated AUCs from their
/// structural components, computed with midranks (Sun &amp; Xu 2014) in O(n log n).
/// </summary>
public static class DeLongTest
{
    /// <summary>Compares model A's and model B's scores for the same rows and labels (0/1).</summary>
    public static DeLongResult Compare(ReadOnlySpan<int> labels, ReadOnlySpan<double> scoresA, ReadOnlySpan<double> scoresB)
    {
        BinaryMetrics.CheckInputs(labels, scoresA);
        BinaryMetrics.CheckInputs(labels, scoresB);
        var positives = new List<int>();
        var negatives = new List<int>();
        for (var i = 0; i < labels.Length; i++)
        {
            (labels[i] == 1 ? positives : negatives).Add(i);
        }

        if (positives.Count < 2 || negatives.Count < 2)
        {
            throw new EvaluationException($"DeLong's test needs at least 2 rows of each class; got {positives.Count} positive and {negatives.Count} negative.");
        }

        var (aucA, v10A, v01A) = Components(scoresA, positives, negatives);
        var (aucB, v10B, v01B) = Components(scoresB, positives, negatives);
        var variance = (DifferenceVariance(v10A, v10B) / positives.Count) + (DifferenceVariance(v01A, v01B) / negatives.Count);
        var difference = aucA - aucB;
        var standardError = Math.Sqrt(Math.Max(variance, 0));
        double z, p;
        if (standardError == 0)
        {
            z = difference == 0 ? 0 : Math.Sign(difference) * double.PositiveInfinity;
            p = difference == 0 ? 1 : 0;
        }
        else
        {
            z = difference / standardError;
            p = StandardNormal.TwoSidedP(z);
        }

        return new DeLongResult(aucA, aucB, standardError, z, p);
    }

    /// <summary>AUC and the structural components V10 (per positive) and V01 (per negative).</summary>
    private static (double Auc, double[] V10, double[] V01) Components(ReadOnlySpan<double> scores, List<int> positives, List<int> negatives)
    {
        var m = positives.Count;
        var n = negatives.Count;
        var x = new double[m];
        var y = new double[n];
        for (var i = 0; i < m; i++)
        {
            x[i] = scores[positives[i]];
        }

        for (var j = 0; j < n; j++)
        {
            y[j] = scores[negatives[j]];
        }

        var all = new double[m + n];
        x.CopyTo(all, 0);
        y.CopyTo(all, m);
        var tx = MidRanks(x);
        var ty = MidRanks(y);
        var tz = MidRanks(all);
        var v10 = new double[m];
        var v01 = new double[n];
        double sum = 0;
        for (var i = 0; i < m; i++)
        {
            v10[i] = (tz[i] - tx[i]) / n;
            sum += tz[i] - tx[i];
        }

        for (var j = 0; j < n; j++)
        {
            v01[j] = 1 - ((tz[m + j] - ty[j]) / m);
        }

        return (sum / m / n, v10, v01);
    }

    /// <summary>Var(a) + Var(b) - 2 Cov(a, b) with the n - 1 denominator.</summary>
    private static double DifferenceVariance(double[] a, double[] b)
    {
        var meanA = a.Average();
        var meanB = b.Average();
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = (a[i] - meanA) - (b[i] - meanB);
            sum += d * d;
        }

        return sum / (a.Length - 1);
    }

    /// <summary>1-based ranks with ties given their average rank.</summary>
    internal static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        var i = 0;
        while (i < keys.Length)
        {
            var j = i;
            while (j < keys.Length && keys[j] == keys[i])
            {
                j++;
            }

            var rank = (0.5 * (i + j - 1)) + 1;
            for (var k = i; k < j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j;
        }

        return ranks;
    }
}
