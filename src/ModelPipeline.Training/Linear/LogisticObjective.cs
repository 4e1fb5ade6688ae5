using System.Buffers;
using System.Runtime.Intrinsics;
using ModelPipeline.Training.Features;

namespace ModelPipeline.Training.Linear;

/// <summary>
/// scikit-learn's (1.2, lbfgs) logistic objective, unscaled: summed log-loss + l2 / 2 · ||W||² (intercepts unpenalised),
/// so that a gradient tolerance means what scikit-learn's <c>tol</c> means,
/// binary (one score, logistic) or multinomial (one score per class, softmax). Parameters are laid out as
/// W (outputs × features, row-major) then the intercepts. Gradients sum per fixed row chunk, chunks in order.
/// </summary>
internal sealed class LogisticObjective
{
    private const long BufferBudget = 4_000_000;

    /// <summary>Rows scored, turned into residuals and summed into the gradient while they are in the L1 cache.</summary>
    private const int Block = 512;
    private readonly DesignMatrix _x;
    private readonly double[] _targets;
    private readonly int _outputs;
    private readonly double _l2;
    private readonly ParallelOptions _parallel;
    private readonly int _chunkSize;
    private readonly double[][] _chunkGradients;
    private readonly double[] _chunkLoss;
    private readonly double[] _inverseScales;

    public LogisticObjective(DesignMatrix x, double[] targets, int outputs, double l2, ParallelOptions parallel)
    {
        _x = x;
        _targets = targets;
        _outputs = outputs;
        _l2 = l2;
        _parallel = parallel;
        var length = ParameterCount;
        var maxChunks = Math.Max(1, (int)Math.Min(int.MaxValue, BufferBudget / length));
        _chunkSize = Math.Max(4096, ((x.RowCount / maxChunks) + 4096) / 4096 * 4096);
        var chunks = RowChunks.Count(x.RowCount, _chunkSize);
        _chunkGradients = [.. Enumerable.Range(0, chunks).Select(_ => new double[length])];
        _chunkLoss = new double[chunks];
        _inverseScales = [.. x.Scales.Select(scale => 1 / scale)];
    }

    public int ParameterCount => (_outputs * _x.FeatureCount) + _outputs;

    public double Evaluate(double[] theta, double[] gradient)
    {
        RowChunks.For(_x.RowCount, _chunkSize, _parallel, (chunk, start, end) => _chunkLoss[chunk] = EvaluateChunk(theta, _chunkGradients[chunk], start, end));
        Array.Clear(gradient);
        var loss = 0.0;
        for (var chunk = 0; chunk < _chunkLoss.Length; chunk++)
        {
            loss += _chunkLoss[chunk];
            var partial = _chunkGradients[chunk];
            for (var i = 0; i < gradient.Length; i++)
            {
                gradient[i] += partial[i];
            }
        }

        var weights = _outputs * _x.FeatureCount;
        var penalty = 0.0;
        for (var i = 0; i < weights; i++)
        {
            penalty += theta[i] * theta[i];
            gradient[i] += _l2 * theta[i];
        }

        return loss + (0.5 * _l2 * penalty);
    }

    private double EvaluateChunk(double[] theta, double[] gradient, int start, int end) =>
        _outputs == 1 ? EvaluateBinaryChunk(theta, gradient, start, end) : EvaluateMulticlassChunk(theta, gradient, start, end);

    /// <summary>
    /// One pass over the chunk in blocks of <see cref="Block"/> rows: standardize each numeric column once, score,
    /// turn scores into residuals, and sum residuals into the gradient before the block leaves the cache. Vector
    /// arithmetic is plain element-wise add/multiply (same bits with or without hardware vectors).
    /// </summary>
    private double EvaluateBinaryChunk(double[] theta, double[] gradient, int start, int end)
    {
        var p = _x.FeatureCount;
        var numericCount = _x.Numeric.Length;
        var buffer = ArrayPool<double>.Shared.Rent(Block * (numericCount + 1));
        try
        {
            Array.Clear(gradient);
            var loss = 0.0;
            var interceptGradient = 0.0;
            for (var blockStart = start; blockStart < end; blockStart += Block)
            {
                var rows = Math.Min(Block, end - blockStart);
                var z = buffer.AsSpan(0, rows);
                z.Fill(theta[p]);
                for (var j = 0; j < numericCount; j++)
                {
                    var values = buffer.AsSpan((j + 1) * Block, rows);
                    BlockArithmetic.StandardizeAndScore(_x.Numeric[j].AsSpan(blockStart, rows), _x.Centers[j], _inverseScales[j], theta[_x.NumericFeature[j]], values, z);
                }

                foreach (var slots in _x.Slots)
                {
                    BlockArithmetic.Gather(theta, slots.AsSpan(blockStart, rows), z);
                }

                loss += BinaryResiduals(z, blockStart);
                for (var j = 0; j < numericCount; j++)
                {
                    gradient[_x.NumericFeature[j]] += BlockArithmetic.Dot(z, buffer.AsSpan((j + 1) * Block, rows));
                }

                foreach (var slots in _x.Slots)
                {
                    BlockArithmetic.Scatter(z, slots.AsSpan(blockStart, rows), gradient);
                }

                interceptGradient += BlockArithmetic.Sum(z);
            }

            gradient[p] = interceptGradient;
            return loss;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private double EvaluateMulticlassChunk(double[] theta, double[] gradient, int start, int end)
    {
        var k = _outputs;
        var p = _x.FeatureCount;
        var rows = end - start;
        var z = new double[rows * k];
        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < k; o++)
            {
                z[(r * k) + o] = theta[(k * p) + o];
            }
        }

        for (var j = 0; j < _x.Numeric.Length; j++)
        {
            var column = _x.Numeric[j];
            var feature = _x.NumericFeature[j];
            double center = _x.Centers[j], scale = _x.Scales[j];
            for (var o = 0; o < k; o++)
            {
                var w = theta[(o * p) + feature];
                for (var r = 0; r < rows; r++)
                {
                    z[(r * k) + o] += w * ((column[start + r] - center) / scale);
                }
            }
        }

        foreach (var slots in _x.Slots)
        {
            for (var r = 0; r < rows; r++)
            {
                var slot = slots[start + r];
                for (var o = 0; o < k; o++)
                {
                    z[(r * k) + o] += theta[(o * p) + slot];
                }
            }
        }

        var loss = SoftmaxResiduals(z, start, k);
        Array.Clear(gradient);
        for (var j = 0; j < _x.Numeric.Length; j++)
        {
            var column = _x.Numeric[j];
            var feature = _x.NumericFeature[j];
            double center = _x.Centers[j], scale = _x.Scales[j];
            for (var o = 0; o < k; o++)
            {
                var sum = 0.0;
                for (var r = 0; r < rows; r++)
                {
                    sum += z[(r * k) + o] * ((column[start + r] - center) / scale);
                }

                gradient[(o * p) + feature] = sum;
            }
        }

        foreach (var slots in _x.Slots)
        {
            for (var r = 0; r < rows; r++)
            {
                var slot = slots[start + r];
                for (var o = 0; o < k; o++)
                {
                    gradient[(o * p) + slot] += z[(r * k) + o];
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < k; o++)
            {
                gradient[(k * p) + o] += z[(r * k) + o];
            }
        }

        return loss;
    }

    /// <summary>
    /// Replaces scores by d loss / d score (p - y); returns the chunk's summed log-loss. One exp and one log per row
    /// (e = exp(-|z|) serves both), four rows at a time where the CPU has 256-bit vectors.
    /// </summary>
    private double BinaryResiduals(Span<double> z, int start)
    {
        var targets = _targets.AsSpan(start, z.Length);
        var r = 0;
        var loss = 0.0;
        if (Vector256.IsHardwareAccelerated)
        {
            var sum = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            for (; r <= z.Length - Vector256<double>.Count; r += Vector256<double>.Count)
            {
                var score = Vector256.Create<double>(z[r..]);
                var y = Vector256.Create<double>(targets[r..]);
                var e = Vector256.Exp(-Vector256.Abs(score));
                var onePlusE = one + e;
                sum += Vector256.Max(score, Vector256<double>.Zero) + Vector256.Log(onePlusE) - (y * score);
                var inverse = one / onePlusE;
                var probability = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(score, Vector256<double>.Zero), inverse, e * inverse);
                (probability - y).CopyTo(z[r..]);
            }

            loss = BlockArithmetic.Lanes(sum);
        }

        for (; r < z.Length; r++)
        {
            var score = z[r];
            var y = targets[r];
            var e = Math.Exp(-Math.Abs(score));
            loss += Math.Max(score, 0) + Math.Log(1 + e) - (y * score);
            var inverse = 1 / (1 + e);
            z[r] = (score >= 0 ? inverse : e * inverse) - y;
        }

        return loss;
    }

    private double SoftmaxResiduals(double[] z, int start, int k)
    {
        var loss = 0.0;
        for (var r = 0; r * k < z.Length; r++)
        {
            var scores = z.AsSpan(r * k, k);
            var max = double.NegativeInfinity;
            foreach (var s in scores)
            {
                max = Math.Max(max, s);
            }

            var sum = 0.0;
            foreach (var s in scores)
            {
                sum += Math.Exp(s - max);
            }

            var y = (int)_targets[start + r];
            loss += max + Math.Log(sum) - scores[y];
            for (var o = 0; o < k; o++)
            {
                scores[o] = (Math.Exp(scores[o] - max) / sum) - (o == y ? 1 : 0);
            }
        }

        return loss;
    }
}
