using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// The trees of an ensemble flattened for fast batch scoring. Every node carries a 256-bit "goes left" set over
/// bins (numeric splits: bins 0..threshold, plus the missing bin when missing goes left); siblings sit side by side
/// so the next node is child + (goes left ? 0 : 1). A leaf points to itself with a full set, so each tree is walked
/// without per-row branches, eight rows at a time; a node is one word (child index, feature).
/// </summary>
internal sealed class PackedForest
{
    private const int Lanes = 8;
    private readonly ulong[] _node;
    private readonly ulong[] _bits;
    private readonly double[] _value;
    private readonly int[] _root;
    private readonly int[] _depth;

    public PackedForest(IReadOnlyList<RegressionTree> trees)
    {
        var total = trees.Sum(t => t.Nodes.Length);
        _node = new ulong[total];
        _bits = new ulong[total * 4];
        _value = new double[total];
        _root = new int[trees.Count];
        _depth = new int[trees.Count];
        var next = 0;
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _root[t] = next;
            var queue = new Queue<(int Source, int Target, int Depth)>();
            queue.Enqueue((0, next++, 0));
            while (queue.Count > 0)
            {
                var (source, target, depth) = queue.Dequeue();
                var node = tree.Nodes[source];
                _depth[t] = Math.Max(_depth[t], depth);
                if (node.IsLeaf)
                {
                    _node[target] = (uint)target;
                    _value[target] = node.Value;
                    _bits.AsSpan(target * 4, 4).Fill(ulong.MaxValue);
                    continue;
                }

                _node[target] = (uint)next | ((ulong)(uint)node.Feature << 32);
                LeftSet(tree, node, _bits.AsSpan(target * 4, 4));
                queue.Enqueue((node.Left, next++, depth + 1));
                queue.Enqueue((node.Right, next++, depth + 1));
            }
        }
    }

    public int TreeCount => _root.Length;

    /// <summary>Writes the 256-bit set of bins that <paramref name="node"/> (a split of <paramref name="tree"/>) sends left into <paramref name="set"/>.</summary>
    public static void LeftSet(RegressionTree tree, TreeNode node, Span<ulong> set)
    {
        set[..4].Clear();
        if (node.CategorySet >= 0)
        {
            tree.CategorySets.AsSpan(node.CategorySet * 4, 4).CopyTo(set);
            return;
        }

        for (var b = 0; b <= node.Threshold; b++)
        {
            set[b >> 6] |= 1UL << (b & 63);
        }

        if (node.MissingLeft)
        {
            set[FeatureBinner.MissingBin >> 6] |= 1UL << (FeatureBinner.MissingBin & 63);
        }
    }

    /// <summary>
    /// Adds every tree's value to the scores of <paramref name="rows"/> rows whose bins are row-major in
    /// <paramref name="bins"/> (<paramref name="features"/> per row); tree t adds to output t mod outputs.
    /// Tree by tree over the whole block (the tree stays in the L1 cache), eight rows at a time; a group leaves a
    /// tree as soon as all eight rows sit on leaves (at most the tree's depth steps). Each row's sum is taken in tree order.
    /// </summary>
    public void Score(ReadOnlySpan<byte> bins, int rows, int features, Span<double> scores, int outputs)
    {
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_node);
        ref var bitset = ref MemoryMarshal.GetArrayDataReference(_bits);
        ref var value = ref MemoryMarshal.GetArrayDataReference(_value);
        ref var bin0 = ref MemoryMarshal.GetReference(bins);
        for (var t = 0; t < _root.Length; t++)
        {
            var root = _root[t];
            var depth = _depth[t];
            var output = t % outputs;
            for (var start = 0; start < rows; start += Lanes)
            {
                var last = Math.Min(Lanes, rows - start) - 1;
                var o0 = start * features;
                int o1 = (start + Math.Min(1, last)) * features, o2 = (start + Math.Min(2, last)) * features, o3 = (start + Math.Min(3, last)) * features;
                int o4 = (start + Math.Min(4, last)) * features, o5 = (start + Math.Min(5, last)) * features, o6 = (start + Math.Min(6, last)) * features;
                var o7 = (start + last) * features;
                int n0 = root, n1 = root, n2 = root, n3 = root, n4 = root, n5 = root, n6 = root, n7 = root;
                for (var step = depth; step > 0; step--)
                {
                    var m0 = Next(ref nodes, ref bitset, ref bin0, o0, n0);
                    var m1 = Next(ref nodes, ref bitset, ref bin0, o1, n1);
                    var m2 = Next(ref nodes, ref bitset, ref bin0, o2, n2);
                    var m3 = Next(ref nodes, ref bitset, ref bin0, o3, n3);
                    var m4 = Next(ref nodes, ref bitset, ref bin0, o4, n4);
                    var m5 = Next(ref nodes, ref bitset, ref bin0, o5, n5);
                    var m6 = Next(ref nodes, ref bitset, ref bin0, o6, n6);
                    var m7 = Next(ref nodes, ref bitset, ref bin0, o7, n7);
                    var moved = (m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3) | (m4 ^ n4) | (m5 ^ n5) | (m6 ^ n6) | (m7 ^ n7);
                    (n0, n1, n2, n3, n4, n5, n6, n7) = (m0, m1, m2, m3, m4, m5, m6, m7);
                    if (moved == 0)
                    {
                        break;
                    }
                }

                ref var score = ref scores[(start * outputs) + output];
                Add(ref score, outputs, 0, last, Unsafe.Add(ref value, n0));
                Add(ref score, outputs, 1, last, Unsafe.Add(ref value, n1));
                Add(ref score, outputs, 2, last, Unsafe.Add(ref value, n2));
                Add(ref score, outputs, 3, last, Unsafe.Add(ref value, n3));
                Add(ref score, outputs, 4, last, Unsafe.Add(ref value, n4));
                Add(ref score, outputs, 5, last, Unsafe.Add(ref value, n5));
                Add(ref score, outputs, 6, last, Unsafe.Add(ref value, n6));
                Add(ref score, outputs, 7, last, Unsafe.Add(ref value, n7));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref double score, int outputs, int lane, int last, double value)
    {
        if (lane <= last)
        {
            Unsafe.Add(ref score, lane * outputs) += value;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ref ulong nodes, ref ulong bitset, ref byte bins, int offset, int n)
    {
        var word = Unsafe.Add(ref nodes, n);
        int bin = Unsafe.Add(ref bins, offset + (int)(word >> 32));
        var left = (int)(Unsafe.Add(ref bitset, (n * 4) + (bin >> 6)) >> bin) & 1;
        return (int)(uint)word + 1 - left;
    }
}
