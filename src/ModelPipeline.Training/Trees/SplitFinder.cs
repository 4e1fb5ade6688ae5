namespace ModelPipeline.Training.Trees;

/// <summary>
/// Finds a node's best split from its histogram, as scikit-learn's HistGradientBoosting does: numeric features
/// scan bin thresholds twice (missing values right, then left); categorical features order their categories by
/// gradient/(hessian + smoothing) and scan prefixes from both ends. Gain = G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ).
/// </summary>
internal sealed class SplitFinder(FeatureBinner binner, GrowthOptions options)
{
    private readonly int[] _binCounts = [.. Enumerable.Range(0, binner.FeatureCount).Select(binner.BinCount)];

    public SplitCandidate? Find(NodeHistogram histogram, double gradient, double hessian, int count, ParallelOptions parallel)
    {
        var features = binner.FeatureCount;
        var best = new SplitCandidate?[features];
        if (features > 1 && parallel.MaxDegreeOfParallelism != 1 && count > 5000)
        {
            Parallel.For(0, features, parallel, f => best[f] = FindForFeature(histogram, f, gradient, hessian, count));
        }
        else
        {
            for (var f = 0; f < features; f++)
            {
                best[f] = FindForFeature(histogram, f, gradient, hessian, count);
            }
        }

        SplitCandidate? result = null;
        foreach (var candidate in best)
        {
            if (candidate is not null && (result is null || candidate.Gain > result.Gain))
            {
                result = candidate;
            }
        }

        return result;
    }

    private SplitCandidate? FindForFeature(NodeHistogram histogram, int feature, double gradient, double hessian, int count)
    {
        var bins = _binCounts[feature];
        return bins < 1
            ? null
            : binner.IsCategorical(feature)
                ? FindCategorical(histogram, feature, bins, gradient, hessian, count)
                : FindNumeric(histogram, feature, bins, gradient, hessian, count);
    }

    private double Score(double g, double h) => g * g / (h + options.L2);

    private SplitCandidate? FindNumeric(NodeHistogram histogram, int feature, int bins, double gradient, double hessian, int count)
    {
        var offset = feature * NodeHistogram.BinsPerFeature;
        var g = histogram.Gradients;
        var h = histogram.Hessians;
        var c = histogram.Counts;
        var missing = offset + FeatureBinner.MissingBin;
        var parentScore = Score(gradient, hessian);
        var min = options.MinSamplesLeaf;
        SplitCandidate? best = null;
        var bestGain = 0.0;
        for (var missingLeft = 0; missingLeft < (c[missing] > 0 ? 2 : 1); missingLeft++)
        {
            double gl = 0, hl = 0;
            var cl = 0;
            if (missingLeft == 1)
            {
                gl = g[missing];
                hl = h[missing];
                cl = c[missing];
            }

            var last = missingLeft == 1 || c[missing] == 0 ? bins - 1 : bins;
            for (var b = 0; b < last; b++)
            {
                gl += g[offset + b];
                hl += h[offset + b];
                cl += c[offset + b];
                var cr = count - cl;
                if (cl < min || hl < GrowthOptions.MinHessian)
                {
                    continue;
                }

                if (cr < min || hessian - hl < GrowthOptions.MinHessian)
                {
                    break;
                }

                var gain = Score(gl, hl) + Score(gradient - gl, hessian - hl) - parentScore;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    var left = missingLeft == 1 || (c[missing] == 0 && cl >= cr);
                    best = new SplitCandidate(gain, feature, b, left, null, gl, hl, cl);
                }
            }
        }

        return best;
    }

    private SplitCandidate? FindCategorical(NodeHistogram histogram, int feature, int bins, double gradient, double hessian, int count)
    {
        var offset = feature * NodeHistogram.BinsPerFeature;
        var g = histogram.Gradients;
        var h = histogram.Hessians;
        var c = histogram.Counts;
        var used = new List<int>(bins + 1);
        for (var b = 0; b < bins; b++)
        {
            if (c[offset + b] >= GrowthOptions.MinCategorySupport)
            {
                used.Add(b);
            }
        }

        if (c[offset + FeatureBinner.MissingBin] >= GrowthOptions.MinCategorySupport)
        {
            used.Add(FeatureBinner.MissingBin);
        }

        if (used.Count < 2)
        {
            return null;
        }

        var order = used.OrderBy(b => g[offset + b] / (h[offset + b] + GrowthOptions.CategorySmoothing)).ThenBy(b => b).ToArray();
        var parentScore = Score(gradient, hessian);
        var min = options.MinSamplesLeaf;
        var bestGain = 0.0;
        int bestDirection = 0, bestLength = 0;
        double bestG = 0, bestH = 0;
        var bestC = 0;
        var middle = (order.Length + 1) / 2;
        foreach (var direction in (int[])[1, -1])
        {
            double gl = 0, hl = 0;
            var cl = 0;
            for (var i = 0; i < middle; i++)
            {
                var b = offset + order[direction == 1 ? i : order.Length - 1 - i];
                gl += g[b];
                hl += h[b];
                cl += c[b];
                var cr = count - cl;
                if (cl < min || hl < GrowthOptions.MinHessian)
                {
                    continue;
                }

                if (cr < min || hessian - hl < GrowthOptions.MinHessian)
                {
                    break;
                }

                var gain = Score(gl, hl) + Score(gradient - gl, hessian - hl) - parentScore;
                if (gain > bestGain)
                {
                    (bestGain, bestDirection, bestLength, bestG, bestH, bestC) = (gain, direction, i + 1, gl, hl, cl);
                }
            }
        }

        if (bestDirection == 0)
        {
            return null;
        }

        var set = new ulong[4];
        for (var i = 0; i < bestLength; i++)
        {
            var b = order[bestDirection == 1 ? i : order.Length - 1 - i];
            set[b >> 6] |= 1UL << (b & 63);
        }

        var missingLeft = (set[FeatureBinner.MissingBin >> 6] & (1UL << (FeatureBinner.MissingBin & 63))) != 0;
        return new SplitCandidate(bestGain, feature, -1, missingLeft, set, bestG, bestH, bestC);
    }
}
