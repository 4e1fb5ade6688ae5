namespace ModelPipeline.Training;

/// <summary>Turns raw scores into predictions: identity (regression), logistic (binary) or softmax (multiclass).</summary>
internal static class ScoreLink
{
    /// <summary>
    /// <paramref name="scores"/> holds rows start..end, row-major with one score per output (1 for regression and
    /// binary, one per class for multiclass).
    /// </summary>
    public static void Apply(TaskKind task, ReadOnlySpan<double> scores, int start, int end, double[] values, double[]? probabilities)
    {
        switch (task)
        {
            case TaskKind.Regression:
                scores[..(end - start)].CopyTo(values.AsSpan(start));
                break;
            case TaskKind.Binary:
                for (var row = start; row < end; row++)
                {
                    var p = Sigmoid(scores[row - start]);
                    probabilities![2 * row] = 1 - p;
                    probabilities[(2 * row) + 1] = p;
                    values[row] = p >= 0.5 ? 1 : 0;
                }

                break;
            default:
                var k = probabilities!.Length / values.Length;
                for (var row = start; row < end; row++)
                {
                    var z = scores.Slice((row - start) * k, k);
                    var target = probabilities.AsSpan(row * k, k);
                    Softmax(z, target);
                    var best = 0;
                    for (var c = 1; c < k; c++)
                    {
                        if (target[c] > target[best])
                        {
                            best = c;
                        }
                    }

                    values[row] = best;
                }

                break;
        }
    }

    /// <summary>1 / (1 + e^-z), computed from e^-|z| (one exponential; the same bits as the two-sided textbook form).</summary>
    public static double Sigmoid(double z)
    {
        var e = Math.Exp(-Math.Abs(z));
        return (z >= 0 ? 1 : e) / (1 + e);
    }

    public static void Softmax(ReadOnlySpan<double> z, Span<double> target)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        for (var c = 0; c < z.Length; c++)
        {
            target[c] = Math.Exp(z[c] - max);
            sum += target[c];
        }

        for (var c = 0; c < z.Length; c++)
        {
            target[c] /= sum;
        }
    }
}
