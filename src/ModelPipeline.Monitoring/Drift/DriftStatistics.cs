namespace ModelPipeline.Monitoring;

/// <summary>Distances and tests between a reference and a current distribution, as Evidently and scipy define them.</summary>
internal static class DriftStatistics
{
    /// <summary>Evidently replaces empty bins by this share before taking logarithms.</summary>
    private const double EmptyShare = 0.0001;

    /// <summary>Population stability index: Σ (c − r) · ln(c / r), empty bins at 0.0001.</summary>
    public static double Psi(double[] reference, double[] current)
    {
        var psi = 0.0;
        for (var k = 0; k < reference.Length; k++)
        {
            var r = reference[k] <= 0 ? EmptyShare : reference[k];
            var c = current[k] <= 0 ? EmptyShare : current[k];
            psi += (c - r) * Math.Log(c / r);
        }

        return psi;
    }

    /// <summary>Jensen–Shannon distance with natural logarithms (scipy.spatial.distance.jensenshannon's default).</summary>
    public static double JensenShannon(double[] reference, double[] current)
    {
        double p = reference.Sum(), q = current.Sum();
        if (p <= 0 || q <= 0)
        {
            return p == q ? 0 : Math.Sqrt(Math.Log(2));
        }

        var divergence = 0.0;
        for (var k = 0; k < reference.Length; k++)
        {
            var a = reference[k] / p;
            var b = current[k] / q;
            var m = (a + b) / 2;
            divergence += (a > 0 ? a * Math.Log(a / m) : 0) + (b > 0 ? b * Math.Log(b / m) : 0);
        }

        return Math.Sqrt(Math.Max(0, divergence / 2));
    }

    /// <summary>
    /// Wasserstein-1 distance between the two binned distributions (each bin's mass at its middle; the outer bins
    /// end at the reference minimum and maximum) divided by the reference standard deviation.
    /// </summary>
    public static double WassersteinNormed(DistributionProfile reference, double[] current)
    {
        var points = new double[reference.Shares.Length];
        var edges = reference.Edges;
        for (var k = 0; k < points.Length; k++)
        {
            var low = k == 0 ? Math.Min(reference.Min, edges.Length > 0 ? edges[0] : reference.Min) : edges[k - 1];
            var high = k == edges.Length ? Math.Max(reference.Max, low) : edges[k];
            points[k] = k == 0 && edges.Length > 0 ? (reference.Min + edges[0]) / 2 : (low + high) / 2;
        }

        double distance = 0, cumulativeReference = 0, cumulativeCurrent = 0;
        for (var k = 0; k < points.Length - 1; k++)
        {
            cumulativeReference += reference.Shares[k];
            cumulativeCurrent += current[k];
            distance += Math.Abs(cumulativeReference - cumulativeCurrent) * (points[k + 1] - points[k]);
        }

        var scale = reference.StdDev > 0 ? reference.StdDev : 1;
        return distance / scale;
    }

    /// <summary>Two-sample Kolmogorov–Smirnov statistic D of two sorted samples.</summary>
    public static double KsStatistic(double[] a, double[] b)
    {
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / (double)a.Length) - (j / (double)b.Length)));
        }

        return d;
    }

    /// <summary>Asymptotic p-value scipy.stats.kstwobign.sf(sqrt(n·m/(n+m)) · D) (ks_2samp uses the exact kstwo for small samples: ours is a little larger there).</summary>
    public static double KsPValue(double[] sortedA, double[] sortedB)
    {
        if (sortedA.Length == 0 || sortedB.Length == 0)
        {
            return 1;
        }

        var d = KsStatistic(sortedA, sortedB);
        var en = sortedA.Length * (double)sortedB.Length / (sortedA.Length + sortedB.Length);
        return KolmogorovSurvival(Math.Sqrt(en) * d);
    }

    /// <summary>P(K &gt; x) of the Kolmogorov distribution.</summary>
    public static double KolmogorovSurvival(double x)
    {
        if (x <= 0)
        {
            return 1;
        }

        if (x < 1.18)
        {
            // 1 − CDF, with the CDF's series that converges fast for small x.
            var sum = 0.0;
            var factor = -Math.PI * Math.PI / (8 * x * x);
            for (var j = 1; j <= 20; j += 2)
            {
                sum += Math.Exp(j * j * factor);
            }

            return Math.Clamp(1 - (Math.Sqrt(2 * Math.PI) / x * sum), 0, 1);
        }

        var survival = 0.0;
        for (var j = 1; j <= 100; j++)
        {
            var term = Math.Exp(-2.0 * j * j * x * x);
            survival += (j % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-17)
            {
                break;
            }
        }

        return Math.Clamp(survival, 0, 1);
    }

    /// <summary>
    /// scipy.stats.chisquare(current counts, expected = reference shares × current total) p-value; bins the reference
    /// never saw get a share of 0.0001 so that a new level still counts.
    /// </summary>
    public static double ChiSquaredPValue(double[] referenceShares, long[] currentCounts)
    {
        var total = currentCounts.Sum();
        if (total == 0)
        {
            return 1;
        }

        var shares = referenceShares.Select(s => s <= 0 ? EmptyShare : s).ToArray();
        var norm = shares.Sum();
        double statistic = 0;
        var bins = 0;
        for (var k = 0; k < shares.Length; k++)
        {
            if (referenceShares[k] <= 0 && currentCounts[k] == 0)
            {
                continue;
            }

            bins++;
            var expected = shares[k] / norm * total;
            var difference = currentCounts[k] - expected;
            statistic += difference * difference / expected;
        }

        return bins < 2 ? 1 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized((bins - 1) / 2.0, statistic / 2);
    }
}
