using System.Buffers;
using System.Numerics.Tensors;

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

    /// <summary>
    /// Fills (gradient, hessian) pairs (single precision, as scikit-learn) of every output at every row (rows in
    /// parallel; element-wise, so the same bits for any thread count). Binary log-loss takes its probabilities from
    /// <see cref="TensorPrimitives.Sigmoid{T}(ReadOnlySpan{T}, Span{T})"/> a chunk at a time (vectorised: flights
    /// 17.5 -> 4.5 ms CPU per 2.16M rows; within 6e-16 of the scalar form).
    /// </summary>
    public void Gradients(double[] raw, double[] targets, float[][] pairs, ParallelOptions parallel)
    {
        if (task == TaskKind.Binary)
        {
            BinaryGradients(raw, targets, pairs[0], parallel);
            return;
        }

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
        if (task == TaskKind.Binary)
        {
            return BinaryMean(raw, targets, parallel);
        }

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

    private static void BinaryGradients(double[] raw, double[] targets, float[] pairs, ParallelOptions parallel) =>
        RowChunks.For(targets.Length, ChunkSize, parallel, (_, start, end) =>
        {
            var buffer = ArrayPool<double>.Shared.Rent(end - start);
            var probabilities = buffer.AsSpan(0, end - start);
            TensorPrimitives.Sigmoid(raw.AsSpan(start, end - start), probabilities);
            var y = targets.AsSpan(start, end - start);
            var pair = pairs.AsSpan(2 * start, 2 * (end - start));
            for (var i = 0; i < probabilities.Length; i++)
            {
                var p = probabilities[i];
                pair[2 * i] = (float)(p - y[i]);
                pair[(2 * i) + 1] = (float)(p * (1 - p));
            }

            ArrayPool<double>.Shared.Return(buffer);
        });

    /// <summary>Mean log-loss, softplus(z) − y·z with softplus(z) = max(z, 0) + log(1 + e^−|z|), the exponentials and logarithms a chunk at a time.</summary>
    private static double BinaryMean(double[] raw, double[] targets, ParallelOptions parallel)
    {
        var partial = new double[RowChunks.Count(targets.Length, ChunkSize)];
        RowChunks.For(targets.Length, ChunkSize, parallel, (chunk, start, end) =>
        {
            var buffer = ArrayPool<double>.Shared.Rent(end - start);
            var logs = buffer.AsSpan(0, end - start);
            var z = raw.AsSpan(start, end - start);
            TensorPrimitives.Abs(z, logs);
            TensorPrimitives.Negate(logs, logs);
            TensorPrimitives.Exp(logs, logs);
            TensorPrimitives.Add(logs, 1.0, logs);
            TensorPrimitives.Log(logs, logs);
            var y = targets.AsSpan(start, end - start);
            var sum = 0.0;
            for (var i = 0; i < logs.Length; i++)
            {
                sum += Math.Max(z[i], 0) + logs[i] - (y[i] * z[i]);
            }

            partial[chunk] = sum;
            ArrayPool<double>.Shared.Return(buffer);
        });
        return partial.Sum() / Math.Max(1, targets.Length);
    }
}
