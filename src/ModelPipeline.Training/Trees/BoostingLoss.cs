namespace ModelPipeline.Training.Trees;

/// <summary>
/// The losses boosting minimises, on raw scores (outputs per row): half squared error (regression), log-loss
/// (binary, one logit) and softmax cross-entropy (multiclass, one score per class).
/// </summary>
internal sealed class BoostingLoss(TaskKind task, int outputs)
{
    private const int ChunkSize = 16384;

    public int Outputs { get; } = outputs;

    /// <summary>The constant scores before any tree: mean, log-odds, or log class priors.</summary>
    public double[] Baseline(double[] targets)
    {
        var n = targets.Length;
        switch (task)
        {
            case TaskKind.Regression:
                return [targets.Sum() / n];
            case TaskKind.Binary:
                var p = Math.Clamp(targets.Sum() / n, 1e-15, 1 - 1e-15);
                return [Math.Log(p / (1 - p))];
            default:
                var counts = new double[Outputs];
                foreach (var t in targets)
                {
                    counts[(int)t]++;
                }

                return [.. counts.Select(c => Math.Log(Math.Max(c / n, 1e-15)))];
        }
    }

    /// <summary>Fills (gradient, hessian) pairs (single precision, as scikit-learn) of every output at every row (rows in parallel; element-wise, so exact).</summary>
    public void Gradients(double[] raw, double[] targets, float[][] pairs, ParallelOptions parallel)
    {
        var k = Outputs;
        RowChunks.For(targets.Length, ChunkSize, parallel, (_, start, end) =>
        {
            Span<double> p = stackalloc double[k];
            for (var row = start; row < end; row++)
            {
                switch (task)
                {
                    case TaskKind.Regression:
                        pairs[0][2 * row] = (float)(raw[row] - targets[row]);
                        pairs[0][(2 * row) + 1] = 1;
                        break;
                    case TaskKind.Binary:
                        var prob = ScoreLink.Sigmoid(raw[row]);
                        pairs[0][2 * row] = (float)(prob - targets[row]);
                        pairs[0][(2 * row) + 1] = (float)(prob * (1 - prob));
                        break;
                    default:
                        ScoreLink.Softmax(raw.AsSpan(row * k, k), p);
                        var y = (int)targets[row];
                        for (var c = 0; c < k; c++)
                        {
                            pairs[c][2 * row] = (float)(p[c] - (c == y ? 1 : 0));
                            pairs[c][(2 * row) + 1] = (float)(p[c] * (1 - p[c]));
                        }

                        break;
                }
            }
        });
    }

    /// <summary>The mean loss (fixed chunks summed in order, so exact whatever the thread count).</summary>
    public double Mean(double[] raw, double[] targets, ParallelOptions parallel)
    {
        var k = Outputs;
        var partial = new double[RowChunks.Count(targets.Length, ChunkSize)];
        RowChunks.For(targets.Length, ChunkSize, parallel, (chunk, start, end) =>
        {
            var sum = 0.0;
            for (var row = start; row < end; row++)
            {
                switch (task)
                {
                    case TaskKind.Regression:
                        sum += 0.5 * (raw[row] - targets[row]) * (raw[row] - targets[row]);
                        break;
                    case TaskKind.Binary:
                        var z = raw[row];
                        sum += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - (targets[row] * z);
                        break;
                    default:
                        var scores = raw.AsSpan(row * k, k);
                        var max = double.NegativeInfinity;
                        foreach (var s in scores)
                        {
                            max = Math.Max(max, s);
                        }

                        var total = 0.0;
                        foreach (var s in scores)
                        {
                            total += Math.Exp(s - max);
                        }

                        sum += max + Math.Log(total) - scores[(int)targets[row]];
                        break;
                }
            }

            partial[chunk] = sum;
        });
        return partial.Sum() / Math.Max(1, targets.Length);
    }
}
