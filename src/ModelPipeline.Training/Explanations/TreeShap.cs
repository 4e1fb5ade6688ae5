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
    private readonly int[] _feature;
    private readonly double[] _zero;
    private readonly double[] _one;
    private readonly double[] _weight;

    public TreeShap(RegressionTree tree)
    {
        _tree = tree;
        var depth = Depth(tree.Nodes, 0);
        var size = (depth + 2) * (depth + 3) / 2;
        _feature = new int[size];
        _zero = new double[size];
        _one = new double[size];
        _weight = new double[size];
        Expected = Mean(tree.Nodes, 0);
    }

    /// <summary>The tree's output averaged over the training rows (leaf values weighted by cover).</summary>
    public double Expected { get; }

    /// <summary>Adds the tree's contributions for the row whose bins start at <paramref name="rowBins"/> to <paramref name="phi"/> (one per feature).</summary>
    public void Add(ReadOnlySpan<byte> rowBins, Span<double> phi) => Recurse(rowBins, phi, 0, 0, 0, 1, 1, -1);

    private void Recurse(ReadOnlySpan<byte> bins, Span<double> phi, int node, int depth, int offset, double parentZero, double parentOne, int parentFeature)
    {
        // This call's path lives at [start, start + depth]; the parent's at [offset, offset + depth - 1].
        var start = offset + depth;
        if (depth > 0)
        {
            Array.Copy(_feature, offset, _feature, start, depth);
            Array.Copy(_zero, offset, _zero, start, depth);
            Array.Copy(_one, offset, _one, start, depth);
            Array.Copy(_weight, offset, _weight, start, depth);
        }

        Extend(start, depth, parentZero, parentOne, parentFeature);
        ref readonly var current = ref _tree.Nodes[node];
        if (current.IsLeaf)
        {
            for (var i = 1; i <= depth; i++)
            {
                var w = UnwoundSum(start, depth, i);
                phi[_feature[start + i]] += w * (_one[start + i] - _zero[start + i]) * current.Value;
            }

            return;
        }

        var split = current.Feature;
        var (hot, cold) = _tree.GoesLeft(in current, bins[split]) ? (current.Left, current.Right) : (current.Right, current.Left);
        var hotZero = _tree.Nodes[hot].Cover / current.Cover;
        var coldZero = _tree.Nodes[cold].Cover / current.Cover;
        var (incomingZero, incomingOne) = (1.0, 1.0);
        var unique = depth;
        for (var k = 1; k <= depth; k++)
        {
            if (_feature[start + k] == split)
            {
                // Split on this feature before: undo that split so this one stands for both.
                (incomingZero, incomingOne) = (_zero[start + k], _one[start + k]);
                Unwind(start, depth, k);
                unique--;
                break;
            }
        }

        Recurse(bins, phi, hot, unique + 1, start, hotZero * incomingZero, incomingOne, split);
        Recurse(bins, phi, cold, unique + 1, start, coldZero * incomingZero, 0, split);
    }

    private void Extend(int start, int depth, double zero, double one, int feature)
    {
        _feature[start + depth] = feature;
        _zero[start + depth] = zero;
        _one[start + depth] = one;
        _weight[start + depth] = depth == 0 ? 1 : 0;
        for (var i = depth - 1; i >= 0; i--)
        {
            _weight[start + i + 1] += one * _weight[start + i] * (i + 1) / (depth + 1);
            _weight[start + i] = zero * _weight[start + i] * (depth - i) / (depth + 1);
        }
    }

    private void Unwind(int start, int depth, int index)
    {
        var one = _one[start + index];
        var zero = _zero[start + index];
        var next = _weight[start + depth];
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var kept = _weight[start + i];
                _weight[start + i] = next * (depth + 1) / ((i + 1) * one);
                next = kept - (_weight[start + i] * zero * (depth - i) / (depth + 1));
            }
            else
            {
                _weight[start + i] = _weight[start + i] * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = index; i < depth; i++)
        {
            _feature[start + i] = _feature[start + i + 1];
            _zero[start + i] = _zero[start + i + 1];
            _one[start + i] = _one[start + i + 1];
        }
    }

    private double UnwoundSum(int start, int depth, int index)
    {
        var one = _one[start + index];
        var zero = _zero[start + index];
        var next = _weight[start + depth];
        var total = 0.0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var share = next * (depth + 1) / ((i + 1) * one);
                total += share;
                next = _weight[start + i] - (share * zero * (depth - i) / (depth + 1));
            }
            else if (zero != 0)
            {
                total += _weight[start + i] / zero / ((double)(depth - i) / (depth + 1));
            }
        }

        return total;
    }

    private static int Depth(TreeNode[] nodes, int node) =>
        nodes[node].IsLeaf ? 0 : 1 + Math.Max(Depth(nodes, nodes[node].Left), Depth(nodes, nodes[node].Right));

    private static double Mean(TreeNode[] nodes, int node) =>
        nodes[node].IsLeaf ? nodes[node].Value
            : ((nodes[nodes[node].Left].Cover * Mean(nodes, nodes[node].Left)) + (nodes[nodes[node].Right].Cover * Mean(nodes, nodes[node].Right))) / nodes[node].Cover;
}
