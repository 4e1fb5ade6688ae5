namespace ModelPipeline.Training.Linear;

/// <summary>
/// Limited-memory BFGS (10 corrections) with a strong-Wolfe line search (Nocedal &amp; Wright, alg. 3.5/3.6).
/// Stops like SciPy's L-BFGS-B as scikit-learn 1.2 calls it: max |gradient| &lt;= tolerance (<c>gtol</c>), relative
/// objective change &lt;= SciPy's default <c>ftol</c> (2.2e-9, i.e. <c>factr</c> 1e7; scikit-learn 1.2 does not set it),
/// or the iteration limit. Sequential arithmetic only, so results are bit-reproducible.
/// </summary>
internal static class Lbfgs
{
    private const int Memory = 10;
    private const double C1 = 1e-4;
    private const double C2 = 0.9;
    private const double RelativeTolerance = 2.2204460492503131e-09;

    /// <summary>Evaluates the objective at x, writing its gradient.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    /// <summary>Minimises from <paramref name="x"/> (updated in place); returns the iterations done.</summary>
    public static int Minimize(Objective objective, double[] x, int maxIterations, double tolerance, Action<int>? onIteration = null)
    {
        var n = x.Length;
        var g = new double[n];
        var f = objective(x, g);
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var direction = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alpha = new double[Memory];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            if (MaxAbs(g) <= tolerance)
            {
                return iteration;
            }

            TwoLoop(g, s, y, rho, alpha, direction);
            var slope = Dot(direction, g);
            if (slope >= 0)
            {
                s.Clear();
                y.Clear();
                rho.Clear();
                for (var i = 0; i < n; i++)
                {
                    direction[i] = -g[i];
                }

                slope = Dot(direction, g);
            }

            var initial = s.Count == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(g, g))) : 1.0;
            var fNew = LineSearch(objective, x, f, slope, direction, initial, xNew, gNew);
            if (double.IsNaN(fNew))
            {
                return iteration;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++)
            {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }

            var sy = Dot(sk, yk);
            if (sy > 1e-10 * Math.Sqrt(Dot(yk, yk) * Dot(sk, sk)))
            {
                if (s.Count == Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                    rho.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
                rho.Add(1 / sy);
            }

            var change = (f - fNew) / Math.Max(Math.Max(Math.Abs(f), Math.Abs(fNew)), 1);
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            f = fNew;
            onIteration?.Invoke(iteration + 1);
            if (change <= RelativeTolerance)
            {
                return iteration + 1;
            }
        }

        return maxIterations;
    }

    private static void TwoLoop(double[] g, List<double[]> s, List<double[]> y, List<double> rho, double[] alpha, double[] q)
    {
        Array.Copy(g, q, g.Length);
        for (var j = s.Count - 1; j >= 0; j--)
        {
            alpha[j] = rho[j] * Dot(s[j], q);
            Axpy(-alpha[j], y[j], q);
        }

        if (s.Count > 0)
        {
            var last = s.Count - 1;
            var gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
            for (var i = 0; i < q.Length; i++)
            {
                q[i] *= gamma;
            }
        }

        for (var j = 0; j < s.Count; j++)
        {
            var beta = rho[j] * Dot(y[j], q);
            Axpy(alpha[j] - beta, s[j], q);
        }

        for (var i = 0; i < q.Length; i++)
        {
            q[i] = -q[i];
        }
    }

    /// <summary>Finds a step meeting the strong Wolfe conditions; leaves the point in xNew/gNew; NaN when none is found.</summary>
    private static double LineSearch(Objective objective, double[] x, double f0, double slope0, double[] d, double step, double[] xNew, double[] gNew)
    {
        double Evaluate(double t, out double slope)
        {
            for (var i = 0; i < x.Length; i++)
            {
                xNew[i] = x[i] + (t * d[i]);
            }

            var value = objective(xNew, gNew);
            slope = Dot(gNew, d);
            return value;
        }

        double previousStep = 0, previousF = f0, previousSlope = slope0;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var f = Evaluate(step, out var slope);
            if (!double.IsFinite(f) || f > f0 + (C1 * step * slope0) || (attempt > 0 && f >= previousF))
            {
                return Zoom(previousStep, previousF, previousSlope, step, f);
            }

            if (Math.Abs(slope) <= -C2 * slope0)
            {
                return f;
            }

            if (slope >= 0)
            {
                return Zoom(step, f, slope, previousStep, previousF);
            }

            (previousStep, previousF, previousSlope) = (step, f, slope);
            step *= 2;
        }

        return double.NaN;

        double Zoom(double low, double fLow, double slopeLow, double high, double fHigh)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var width = high - low;
                var denominator = 2 * (fHigh - fLow - (slopeLow * width));
                var t = denominator > 0 && double.IsFinite(fHigh) ? low - (slopeLow * width * width / denominator) : low + (0.5 * width);
                var lo = Math.Min(low, high);
                var hi = Math.Max(low, high);
                if (!(t > lo + (0.1 * (hi - lo)) && t < hi - (0.1 * (hi - lo))))
                {
                    t = low + (0.5 * width);
                }

                var f = Evaluate(t, out var slope);
                if (!double.IsFinite(f) || f > f0 + (C1 * t * slope0) || f >= fLow)
                {
                    (high, fHigh) = (t, f);
                }
                else
                {
                    if (Math.Abs(slope) <= -C2 * slope0)
                    {
                        return f;
                    }

                    if (slope * (high - low) >= 0)
                    {
                        (high, fHigh) = (low, fLow);
                    }

                    (low, fLow, slopeLow) = (t, f, slope);
                }

                if (Math.Abs(high - low) < 1e-16 * Math.Max(1, Math.Abs(low)))
                {
                    break;
                }
            }

            return low > 0 && fLow < f0 ? Evaluate(low, out _) : double.NaN;
        }
    }

    public static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (var i = 0; i < y.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static double MaxAbs(double[] values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
