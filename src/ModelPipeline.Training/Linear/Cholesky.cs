namespace ModelPipeline.Training.Linear;

/// <summary>Solves a symmetric positive (semi-)definite system; adds a tiny ridge when the matrix is singular.</summary>
internal static class Cholesky
{
    public static double[] Solve(double[] matrix, double[] rhs, int n)
    {
        var maxDiagonal = 0.0;
        for (var i = 0; i < n; i++)
        {
            maxDiagonal = Math.Max(maxDiagonal, matrix[(i * n) + i]);
        }

        for (var jitter = 0.0; ; jitter = jitter == 0 ? 1e-12 * Math.Max(maxDiagonal, 1) : jitter * 100)
        {
            if (TryFactor(matrix, n, jitter, out var lower))
            {
                return Substitute(lower, rhs, n);
            }

            if (jitter > maxDiagonal)
            {
                throw new InvalidOperationException("The normal equations could not be solved.");
            }
        }
    }

    private static bool TryFactor(double[] a, int n, double jitter, out double[] lower)
    {
        lower = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var sum = a[(j * n) + j] + jitter;
            for (var k = 0; k < j; k++)
            {
                sum -= lower[(j * n) + k] * lower[(j * n) + k];
            }

            if (!(sum > 1e-14 * Math.Max(1, a[(j * n) + j])))
            {
                return false;
            }

            var diagonal = Math.Sqrt(sum);
            lower[(j * n) + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= lower[(i * n) + k] * lower[(j * n) + k];
                }

                lower[(i * n) + j] = s / diagonal;
            }
        }

        return true;
    }

    private static double[] Substitute(double[] lower, double[] rhs, int n)
    {
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = rhs[i];
            for (var k = 0; k < i; k++)
            {
                s -= lower[(i * n) + k] * y[k];
            }

            y[i] = s / lower[(i * n) + i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= lower[(k * n) + i] * x[k];
            }

            x[i] = s / lower[(i * n) + i];
        }

        return x;
    }
}
