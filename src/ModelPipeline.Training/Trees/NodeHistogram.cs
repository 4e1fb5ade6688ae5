namespace ModelPipeline.Training.Trees;

/// <summary>
/// Per feature and bin (256 per feature, the last for missing values): the sums of gradients and hessians and the
/// row count of one tree node. A child's histogram is built from its rows or derived as parent − sibling.
/// </summary>
internal sealed class NodeHistogram(int features)
{
    public const int BinsPerFeature = 256;

    public double[] Gradients { get; } = new double[features * BinsPerFeature];

    public double[] Hessians { get; } = new double[features * BinsPerFeature];

    public int[] Counts { get; } = new int[features * BinsPerFeature];

    /// <summary>
    /// Sums rows[start..end) per feature (features in parallel; each feature's sums run in row order, so the
    /// result does not depend on threads). <paramref name="gradients"/>/<paramref name="hessians"/> are indexed by
    /// position in <paramref name="rows"/> when <paramref name="ordered"/>, else by row.
    /// </summary>
    public void Build(byte[][] bins, int[]? rows, int start, int end, double[] gradients, double[] hessians, bool ordered, ParallelOptions parallel)
    {
        var features = bins.Length;
        void BuildFeature(int f)
        {
            var offset = f * BinsPerFeature;
            var g = Gradients.AsSpan(offset, BinsPerFeature);
            var h = Hessians.AsSpan(offset, BinsPerFeature);
            var c = Counts.AsSpan(offset, BinsPerFeature);
            g.Clear();
            h.Clear();
            c.Clear();
            var column = bins[f];
            if (rows is null)
            {
                for (var i = start; i < end; i++)
                {
                    var b = column[i];
                    g[b] += gradients[i];
                    h[b] += hessians[i];
                    c[b]++;
                }
            }
            else if (ordered)
            {
                for (var i = start; i < end; i++)
                {
                    var b = column[rows[i]];
                    g[b] += gradients[i];
                    h[b] += hessians[i];
                    c[b]++;
                }
            }
            else
            {
                for (var i = start; i < end; i++)
                {
                    var row = rows[i];
                    var b = column[row];
                    g[b] += gradients[row];
                    h[b] += hessians[row];
                    c[b]++;
                }
            }
        }

        if ((long)(end - start) * features < 50_000 || parallel.MaxDegreeOfParallelism == 1)
        {
            for (var f = 0; f < features; f++)
            {
                BuildFeature(f);
            }
        }
        else
        {
            Parallel.For(0, features, parallel, BuildFeature);
        }
    }

    /// <summary>Turns this (a parent's histogram) into its other child's: this − <paramref name="sibling"/>.</summary>
    public void SubtractInPlace(NodeHistogram sibling)
    {
        for (var i = 0; i < Gradients.Length; i++)
        {
            Gradients[i] -= sibling.Gradients[i];
            Hessians[i] -= sibling.Hessians[i];
            Counts[i] -= sibling.Counts[i];
        }
    }
}
