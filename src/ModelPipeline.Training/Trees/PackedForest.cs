using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// The trees of an ensemble flattened for fast batch scoring. Every node carries a 256-bit "goes left" set over
/// bins (numeric splits: bins 0..threshold, plus the missing bin when missing goes left); siblings sit side by side
/// so the next node is child + (goes left ? 0 : 1). A leaf points to itself with a full set, so each tree is walked
/// a fixed number of steps (its depth) without branches, eight rows at a time.
/// </summary>
internal sealed class PackedForest
{
    private const int Lanes = 8;
    private readonly int[] _child;
    private readonly int[] _feature;
    private readonly ulong[] _bits;
    private readonly double[] _value;
    private readonly int[] _root;
    private readonly int[] _depth;

    public PackedForest(IReadOnlyList<RegressionTree> trees)
    {
        var total = trees.Sum(t => t.Nodes.Length);
        _child = new int[total];
        _feature = new int[total];
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
                    _child[target] = target;
                    _value[target] = node.Value;
                    _bits.AsSpan(target * 4, 4).Fill(ulong.MaxValue);
                    continue;
                }

                _feature[target] = node.Feature;
                _child[target] = next;
                var set = _bits.AsSpan(target * 4, 4);
                if (node.CategorySet >= 0)
                {
                    tree.CategorySets.AsSpan(node.CategorySet * 4, 4).CopyTo(set);
                }
                else
                {
                    for (var b = 0; b <= node.Threshold; b++)
                    {
                        set[b >> 6] |= 1UL << (b & 63);
                    }

                    if (node.MissingLeft)
                    {
                        set[FeatureBinner.MissingBin >> 6] |= 1UL << (FeatureBinner.MissingBin & 63);
                    }
                }

                queue.Enqueue((node.Left, next++, depth + 1));
                queue.Enqueue((node.Right, next++, depth + 1));
            }
        }
    }

    public int TreeCount => _root.Length;

    /// <summary>
    /// Adds every tree's value to the scores of <paramref name="rows"/> rows whose bins are row-major in
    /// <paramref name="bins"/> (<paramref name="features"/> per row); tree t adds to output t mod outputs.
    /// </summary>
    public void Score(ReadOnlySpan<byte> bins, int rows, int features, Span<double> scores, int outputs)
    {
        Span<int> node = stackalloc int[Lanes];
        Span<int> offset = stackalloc int[Lanes];
        ref var child = ref MemoryMarshal.GetArrayDataReference(_child);
        ref var feature = ref MemoryMarshal.GetArrayDataReference(_feature);
        ref var bitset = ref MemoryMarshal.GetArrayDataReference(_bits);
        ref var bin0 = ref MemoryMarshal.GetReference(bins);
        for (var start = 0; start < rows; start += Lanes)
        {
            var lanes = Math.Min(Lanes, rows - start);
            for (var j = 0; j < Lanes; j++)
            {
                offset[j] = (start + Math.Min(j, lanes - 1)) * features;
            }

            int o0 = offset[0], o1 = offset[1], o2 = offset[2], o3 = offset[3], o4 = offset[4], o5 = offset[5], o6 = offset[6], o7 = offset[7];
            for (var t = 0; t < _root.Length; t++)
            {
                int n0 = _root[t], n1 = n0, n2 = n0, n3 = n0, n4 = n0, n5 = n0, n6 = n0, n7 = n0;
                for (var step = _depth[t]; step > 0; step--)
                {
                    n0 = Next(ref child, ref feature, ref bitset, ref bin0, o0, n0);
                    n1 = Next(ref child, ref feature, ref bitset, ref bin0, o1, n1);
                    n2 = Next(ref child, ref feature, ref bitset, ref bin0, o2, n2);
                    n3 = Next(ref child, ref feature, ref bitset, ref bin0, o3, n3);
                    n4 = Next(ref child, ref feature, ref bitset, ref bin0, o4, n4);
                    n5 = Next(ref child, ref feature, ref bitset, ref bin0, o5, n5);
                    n6 = Next(ref child, ref feature, ref bitset, ref bin0, o6, n6);
                    n7 = Next(ref child, ref feature, ref bitset, ref bin0, o7, n7);
                }

                node[0] = n0;
                node[1] = n1;
                node[2] = n2;
                node[3] = n3;
                node[4] = n4;
                node[5] = n5;
                node[6] = n6;
                node[7] = n7;
                var output = t % outputs;
                for (var j = 0; j < lanes; j++)
                {
                    scores[((start + j) * outputs) + output] += _value[node[j]];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Next(ref int child, ref int feature, ref ulong bitset, ref byte bins, int offset, int n)
    {
        int bin = Unsafe.Add(ref bins, offset + Unsafe.Add(ref feature, n));
        var left = (int)(Unsafe.Add(ref bitset, (n * 4) + (bin >> 6)) >> bin) & 1;
        return Unsafe.Add(ref child, n) + 1 - left;
    }
}
