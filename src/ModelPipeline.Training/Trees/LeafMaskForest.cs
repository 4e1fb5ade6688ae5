using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// The trees of an ensemble as masks of reachable leaves (QuickScorer, Lucchese et al. 2015), for trees of at most
/// 32 leaves. Leaves are numbered left to right; a split whose test fails for a bin (the row goes right) rules out
/// every leaf of its left subtree. Per feature, bin and tree the table holds the leaves that all of the tree's splits
/// on that feature leave reachable; a row's exit leaf is the lowest leaf left after ANDing its features' masks (the
/// leaf the walk reaches: every leaf left of it lies in the left subtree of a split on its path that went right).
/// Eight trees share one 256-bit word, so a row costs one AND per feature per eight trees, not one step per level.
/// </summary>
internal sealed class LeafMaskForest
{
    public const int MaxLeaves = 32;

    /// <summary>Largest table built (bytes); bigger ensembles are walked by <see cref="PackedForest"/>.</summary>
    public const long MaxTableBytes = 16L << 20;

    private const int Lanes = 8;
    private const int Bins = 256;

    private readonly uint[] _masks;
    private readonly double[] _leafValue;
    private readonly int _trees;
    private readonly int _features;

    private LeafMaskForest(uint[] masks, double[] leafValue, int trees, int features)
    {
        _masks = masks;
        _leafValue = leafValue;
        _trees = trees;
        _features = features;
    }

    public int TreeCount => _trees;

    /// <summary>The table for <paramref name="trees"/>, or null when a tree has more than 32 leaves or the table would be too large.</summary>
    public static LeafMaskForest? TryCreate(IReadOnlyList<RegressionTree> trees, int features)
    {
        if (trees.Any(t => t.Nodes.Count(n => n.IsLeaf) > MaxLeaves))
        {
            return null;
        }

        var blocks = (trees.Count + Lanes - 1) / Lanes;
        if ((long)blocks * features * Bins * Lanes * sizeof(uint) > MaxTableBytes)
        {
            return null;
        }

        var masks = new uint[blocks * features * Bins * Lanes];
        masks.AsSpan().Fill(uint.MaxValue);
        var leafValue = new double[trees.Count * MaxLeaves];
        Span<ulong> set = stackalloc ulong[4];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            var first = new int[tree.Nodes.Length];
            var count = new int[tree.Nodes.Length];
            var leaves = 0;
            NumberLeaves(tree.Nodes, 0, first, count, ref leaves);
            for (var n = 0; n < tree.Nodes.Length; n++)
            {
                var node = tree.Nodes[n];
                if (node.IsLeaf)
                {
                    leafValue[(t * MaxLeaves) + first[n]] = node.Value;
                    continue;
                }

                PackedForest.LeftSet(tree, node, set);
                var left = node.Left;
                var ruledOut = (uint)(((1UL << count[left]) - 1) << first[left]);
                var offset = ((((t / Lanes) * features) + node.Feature) * Bins * Lanes) + (t % Lanes);
                for (var bin = 0; bin < Bins; bin++)
                {
                    if ((set[bin >> 6] & (1UL << (bin & 63))) == 0)
                    {
                        masks[offset + (bin * Lanes)] &= ~ruledOut;
                    }
                }
            }
        }

        return new LeafMaskForest(masks, leafValue, trees.Count, features);
    }

    /// <summary>Numbers the leaves under <paramref name="node"/> left to right: its first leaf and its leaf count.</summary>
    private static void NumberLeaves(TreeNode[] nodes, int node, int[] first, int[] count, ref int next)
    {
        first[node] = next;
        if (nodes[node].IsLeaf)
        {
            next++;
        }
        else
        {
            NumberLeaves(nodes, nodes[node].Left, first, count, ref next);
            NumberLeaves(nodes, nodes[node].Right, first, count, ref next);
        }

        count[node] = next - first[node];
    }

    /// <summary>
    /// Adds every tree's value to the scores of <paramref name="rows"/> rows whose bins are row-major in
    /// <paramref name="bins"/>; tree t adds to output t mod outputs. Eight trees at a time over the whole block (their
    /// masks stay in cache); each row's sum is taken in tree order, as walking the trees one by one.
    /// </summary>
    public void Score(ReadOnlySpan<byte> bins, int rows, Span<double> scores, int outputs)
    {
        var features = _features;
        if (bins.Length < rows * features || scores.Length < rows * outputs)
        {
            throw new ArgumentException("the bins or scores are shorter than the rows");
        }

        ref var mask0 = ref MemoryMarshal.GetArrayDataReference(_masks);
        ref var bin0 = ref MemoryMarshal.GetReference(bins);
        ref var score0 = ref MemoryMarshal.GetReference(scores);
        for (var first = 0; first < _trees; first += Lanes)
        {
            ref var block = ref Unsafe.Add(ref mask0, first / Lanes * features * Bins * Lanes);
            ref var value = ref _leafValue[first * MaxLeaves];
            var lanes = Math.Min(Lanes, _trees - first);
            if (lanes == Lanes && outputs == 1)
            {
                for (var r = 0; r < rows; r++)
                {
                    var m = Reachable(ref block, ref Unsafe.Add(ref bin0, r * features), features);
                    ref var score = ref Unsafe.Add(ref score0, r);
                    var s = score;
                    s += Unsafe.Add(ref value, BitOperations.TrailingZeroCount(m.GetElement(0)));
                    s += Unsafe.Add(ref value, MaxLeaves + BitOperations.TrailingZeroCount(m.GetElement(1)));
                    s += Unsafe.Add(ref value, (2 * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(2)));
                    s += Unsafe.Add(ref value, (3 * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(3)));
                    s += Unsafe.Add(ref value, (4 * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(4)));
                    s += Unsafe.Add(ref value, (5 * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(5)));
                    s += Unsafe.Add(ref value, (6 * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(6)));
                    s += Unsafe.Add(ref value, (7 * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(7)));
                    score = s;
                }

                continue;
            }

            for (var r = 0; r < rows; r++)
            {
                var m = Reachable(ref block, ref Unsafe.Add(ref bin0, r * features), features);
                for (var lane = 0; lane < lanes; lane++)
                {
                    var t = first + lane;
                    Unsafe.Add(ref score0, (r * outputs) + (t % outputs)) +=
                        Unsafe.Add(ref value, (lane * MaxLeaves) + BitOperations.TrailingZeroCount(m.GetElement(lane)));
                }
            }
        }
    }

    /// <summary>The reachable leaves of eight trees for one row: the AND of its features' masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Reachable(ref uint block, ref byte bins, int features)
    {
        var m = Vector256<uint>.AllBitsSet;
        for (var f = 0; f < features; f++)
        {
            m &= Vector256.LoadUnsafe(ref block, (nuint)(((f * Bins) + Unsafe.Add(ref bins, f)) * Lanes));
        }

        return m;
    }
}
