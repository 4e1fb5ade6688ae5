using ModelPipeline.Training.Trees;

namespace ModelPipeline.Training.Explanations;

/// <summary>
/// Path-dependent TreeSHAP (Lundberg, Erion and Lee 2018, "Consistent Individualized Feature Attribution for Tree
/// Ensembles", Algorithm 2; the EXTEND/UNWIND recursion of the shap package's tree_shap): for one row and one tree,
/// each feature's exact Shapley value of the tree's output, where a feature left out is integrated over the training
/// rows as the tree's covers record them. The contributions plus the tree's cover-weighted mean leaf value equal the
/// row's leaf value.
/// </summary>
internal sealed class TreeShap
{
    private readonly RegressionTree _tree;
    private readonly TreeNode[] _nodes;
    private readonly PathElement[] _path;

    /// <summary>1/k for every path length this tree can have (the loops multiply instead of dividing).</summary>
    private readonly double[] _reciprocal;

    public TreeShap(RegressionTree tree)
    {
        _tree = tree;
        _nodes = tree.Nodes;
        var depth = Depth(tree.Nodes, 0);
        _path = new PathElement[(depth + 2) * (depth + 3) / 2];
        _reciprocal = [.. Enumerable.Range(0, depth + 3).Select(k => k == 0 ? 0 : 1.0 / k)];
    }

    /// <summary>The tree's output averaged over the training rows (leaf values weighted by cover).</summary>
    public static double Expected(RegressionTree tree) => Mean(tree.Nodes, 0);

    /// <summary>Adds the tree's contributions for the row whose bins start at <paramref name="rowBins"/> to <paramref name="phi"/> (one per feature).</summary>
    public void Add(ReadOnlySpan<byte> rowBins, Span<double> phi) => Recurse(rowBins, phi, 0, 0, 0, 1, 1, -1);

    private void Recurse(ReadOnlySpan<byte> bins, Span<double> phi, int node, int depth, int offset, double parentZero, double parentOne, int parentFeature)
    {
        // This call's path lives at [start, start + depth]; the parent's at [offset, offset + depth - 1].
        var start = offset + depth;
        var path = _path.AsSpan(start, depth + 1);
        _path.AsSpan(offset, depth).CopyTo(path);
        Extend(path, depth, parentZero, parentOne, parentFeature);
        ref readonly var current = ref _nodes[node];
        if (current.IsLeaf)
        {
            var value = current.Value;
            for (var i = 1; i <= depth; i++)
            {
                ref readonly var element = ref path[i];
                phi[element.Feature] += UnwoundSum(path, depth, i) * (element.One - element.Zero) * value;
            }

            return;
        }

        var split = current.Feature;
        var (hot, cold) = _tree.GoesLeft(in current, bins[split]) ? (current.Left, current.Right) : (current.Right, current.Left);
        var hotZero = _nodes[hot].Cover / current.Cover;
        var coldZero = _nodes[cold].Cover / current.Cover;
        var (incomingZero, incomingOne) = (1.0, 1.0);
        var unique = depth;
        for (var k = 1; k <= depth; k++)
        {
            if (path[k].Feature == split)
            {
                // Split on this feature before: undo that split so this one stands for both.
                (incomingZero, incomingOne) = (path[k].Zero, path[k].One);
                Unwind(path, depth, k);
                unique--;
                break;
            }
        }

        Recurse(bins, phi, hot, unique + 1, start, hotZero * incomingZero, incomingOne, split);
        Recurse(bins, phi, cold, unique + 1, start, coldZero * incomingZero, 0, split);
    }

    private void Extend(Span<PathElement> path, int depth, double zero, double one, int feature)
    {
        path[depth] = new PathElement(feature, zero, one, depth == 0 ? 1 : 0);
        var scale = _reciprocal[depth + 1];
        for (var i = depth - 1; i >= 0; i--)
        {
            path[i + 1].Weight += one * path[i].Weight * (i + 1) * scale;
            path[i].Weight = zero * path[i].Weight * (depth - i) * scale;
        }
    }

    private static void Unwind(Span<PathElement> path, int depth, int index)
    {
        var one = path[index].One;
        var zero = path[index].Zero;
        var next = path[depth].Weight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var kept = path[i].Weight;
                path[i].Weight = next * (depth + 1) / ((i + 1) * one);
                next = kept - (path[i].Weight * zero * (depth - i) / (depth + 1));
            }
            else
            {
                path[i].Weight = path[i].Weight * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = index; i < depth; i++)
        {
            (path[i].Feature, path[i].Zero, path[i].One) = (path[i + 1].Feature, path[i + 1].Zero, path[i + 1].One);
        }
    }

    private double UnwoundSum(ReadOnlySpan<PathElement> path, int depth, int index)
    {
        var one = path[index].One;
        var zero = path[index].Zero;
        var next = path[depth].Weight;
        var total = 0.0;
        var scale = _reciprocal[depth + 1];
        if (one != 0)
        {
            var width = (depth + 1) / one;
            for (var i = depth - 1; i >= 0; i--)
            {
                var share = next * width * _reciprocal[i + 1];
                total += share;
                next = path[i].Weight - (share * zero * (depth - i) * scale);
            }
        }
        else if (zero != 0)
        {
            for (var i = depth - 1; i >= 0; i--)
            {
                total += path[i].Weight * (depth + 1) * _reciprocal[depth - i];
            }

            total /= zero;
        }

        return total;
    }

    private static int Depth(TreeNode[] nodes, int node) =>
        nodes[node].IsLeaf ? 0 : 1 + Math.Max(Depth(nodes, nodes[node].Left), Depth(nodes, nodes[node].Right));

    private static double Mean(TreeNode[] nodes, int node) =>
        nodes[node].IsLeaf ? nodes[node].Value
            : ((nodes[nodes[node].Left].Cover * Mean(nodes, nodes[node].Left)) + (nodes[nodes[node].Right].Cover * Mean(nodes, nodes[node].Right))) / nodes[node].Cover;

    /// <summary>One split on the path from the root: its feature, the share of training rows (zero) and of this row (one) that pass it, and the path weight.</summary>
    private struct PathElement(int feature, double zero, double one, double weight)
    {
        public int Feature = feature;
        public double Zero = zero;
        public double One = one;
        public double Weight = weight;
    }
}
