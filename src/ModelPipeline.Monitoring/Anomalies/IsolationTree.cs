namespace ModelPipeline.Monitoring;

/// <summary>One isolation tree, nodes in pre-order: an inner node's left child follows it; leaves have feature −1 and keep their size.</summary>
internal sealed class IsolationTree
{
    /// <summary>Trees up to this deep are scored on their complete layout (2^depth leaves; the default forest's are 8 deep).</summary>
    private const int CompleteDepth = 12;

    private readonly short[] _feature;
    private readonly float[] _value;

    /// <summary>Scoring layout: one struct per node with its right child's index, a leaf's whole path length precomputed.</summary>
    private readonly Node[] _nodes;

    /// <summary>Depth of the deepest leaf.</summary>
    private readonly int _depth;

    /// <summary>
    /// Scoring layout of a tree at most <see cref="CompleteDepth"/> deep (null for deeper ones): the complete binary
    /// tree of that depth (node k's children at 2k + 1 and 2k + 2), a shallower leaf's path length copied to every
    /// leaf below it, so that every row takes exactly <see cref="_depth"/> steps without a branch to mispredict.
    /// </summary>
    private readonly CompleteTree? _complete;

    private IsolationTree(short[] feature, float[] value)
    {
        _feature = feature;
        _value = value;
        _nodes = new Node[feature.Length];
        var next = 0;
        Link(ref next, 0, ref _depth);
        if (_depth <= CompleteDepth)
        {
            _complete = new CompleteTree(new int[(1 << _depth) - 1], new double[(1 << _depth) - 1], new double[1 << _depth]);
            Fill(0, 0, 0);
        }
    }

    public static IsolationTree Grow(double[][] columns, int[] rows, int maxDepth, Random random)
    {
        var feature = new List<short>();
        var value = new List<float>();
        Grow(columns, rows, 0, maxDepth, random, feature, value);
        return new IsolationTree([.. feature], [.. value]);
    }

    /// <summary>Adds the path length of each row of <paramref name="rows"/> (row-major, <paramref name="width"/> features a row) to <paramref name="totals"/>.</summary>
    public void AddPathLengths(ReadOnlySpan<double> rows, int width, Span<double> totals)
    {
        if (_complete is { } complete)
        {
            complete.AddPathLengths(rows, width, totals, _depth);
            return;
        }

        var nodes = _nodes;
        for (var i = 0; i < totals.Length; i++)
        {
            var row = rows.Slice(i * width, width);
            var node = 0;
            while (nodes[node].Feature >= 0)
            {
                ref readonly var inner = ref nodes[node];
                node = row[inner.Feature] < inner.Value ? node + 1 : inner.Right;
            }

            totals[i] += nodes[node].PathLength;
        }
    }

    public void Write(BinaryWriter writer, bool wideFeatures)
    {
        writer.Write(_feature.Length);
        for (var i = 0; i < _feature.Length; i++)
        {
            var leaf = _feature[i] < 0;
            if (wideFeatures)
            {
                writer.Write(leaf ? ushort.MaxValue : (ushort)_feature[i]);
            }
            else
            {
                writer.Write(leaf ? byte.MaxValue : (byte)_feature[i]);
            }

            if (leaf)
            {
                writer.Write((ushort)_value[i]);
            }
            else
            {
                writer.Write(_value[i]);
            }
        }
    }

    public static IsolationTree Read(BinaryReader reader, bool wideFeatures)
    {
        var count = reader.ReadInt32();
        var feature = new short[count];
        var value = new float[count];
        for (var i = 0; i < count; i++)
        {
            int code = wideFeatures ? reader.ReadUInt16() : reader.ReadByte();
            var leaf = code == (wideFeatures ? ushort.MaxValue : byte.MaxValue);
            feature[i] = leaf ? (short)-1 : (short)code;
            value[i] = leaf ? reader.ReadUInt16() : reader.ReadSingle();
        }

        return new IsolationTree(feature, value);
    }

    /// <summary>Format 1 (older profiles): a short feature and a float value per node.</summary>
    public static IsolationTree ReadFormat1(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var feature = new short[count];
        var value = new float[count];
        for (var i = 0; i < count; i++)
        {
            feature[i] = reader.ReadInt16();
            value[i] = reader.ReadSingle();
        }

        return new IsolationTree(feature, value);
    }

    private static void Grow(double[][] columns, Span<int> rows, int depth, int maxDepth, Random random, List<short> feature, List<float> value)
    {
        if (depth >= maxDepth || rows.Length <= 1)
        {
            Leaf(rows.Length, feature, value);
            return;
        }

        // Random feature among those not constant on these rows, then a random split strictly inside the range.
        var candidates = new List<(int Feature, double Min, double Max)>();
        for (var f = 0; f < columns.Length; f++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var row in rows)
            {
                min = Math.Min(min, columns[f][row]);
                max = Math.Max(max, columns[f][row]);
            }

            if ((float)min < (float)max)
            {
                candidates.Add((f, min, max));
            }
        }

        if (candidates.Count == 0)
        {
            Leaf(rows.Length, feature, value);
            return;
        }

        var (chosen, low, high) = candidates[random.Next(candidates.Count)];
        var split = (float)(low + (random.NextDouble() * (high - low)));
        if (split <= (float)low)
        {
            split = MathF.BitIncrement((float)low);
        }

        var left = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (columns[chosen][rows[i]] < split)
            {
                (rows[left], rows[i]) = (rows[i], rows[left]);
                left++;
            }
        }

        feature.Add((short)chosen);
        value.Add(split);
        Grow(columns, rows[..left], depth + 1, maxDepth, random, feature, value);
        Grow(columns, rows[left..], depth + 1, maxDepth, random, feature, value);
    }

    private static void Leaf(int size, List<short> feature, List<float> value)
    {
        feature.Add(-1);
        value.Add(size);
    }

    private int Link(ref int next, int depth, ref int deepest)
    {
        var node = next++;
        _nodes[node].Feature = _feature[node];
        _nodes[node].Value = _value[node];
        if (_feature[node] >= 0)
        {
            Link(ref next, depth + 1, ref deepest);
            _nodes[node].Right = Link(ref next, depth + 1, ref deepest);
        }
        else
        {
            _nodes[node].PathLength = depth + IsolationForest.AveragePathLength(_value[node]);
            deepest = Math.Max(deepest, depth);
        }

        return node;
    }

    /// <summary>Places pre-order node <paramref name="node"/> at <paramref name="slot"/> of the complete layout; returns the pre-order index after its subtree.</summary>
    private int Fill(int node, int slot, int depth)
    {
        var complete = _complete!;
        if (_nodes[node].Feature < 0)
        {
            // A leaf above the bottom: every bottom leaf below its slot gets its path length; the splits between are
            // never looked at for the outcome (any way down ends on the same value).
            var span = 1 << (_depth - depth);
            var first = ((slot + 1) << (_depth - depth)) - 1 - complete.Splits;
            complete.Leaves.AsSpan(first, span).Fill(_nodes[node].PathLength);
            FillPassThrough(slot, depth);
            return node + 1;
        }

        complete.Features[slot] = _nodes[node].Feature;
        complete.Values[slot] = _nodes[node].Value;
        var rightChild = Fill(node + 1, (2 * slot) + 1, depth + 1);
        return Fill(rightChild, (2 * slot) + 2, depth + 1);
    }

    private void FillPassThrough(int slot, int depth)
    {
        var complete = _complete!;
        if (depth >= _depth)
        {
            return;
        }

        complete.Features[slot] = 0;
        complete.Values[slot] = double.PositiveInfinity;
        FillPassThrough((2 * slot) + 1, depth + 1);
        FillPassThrough((2 * slot) + 2, depth + 1);
    }

    private struct Node
    {
        public int Feature;
        public float Value;
        public int Right;
        public double PathLength;
    }

    /// <summary>Splits (feature, value) of the inner slots, then the path length of each bottom leaf.</summary>
    private sealed record CompleteTree(int[] Features, double[] Values, double[] Leaves)
    {
        public int Splits => Features.Length;

        /// <summary>Eight rows walk down together (independent chains of loads keep the core busy), each step branch-free.</summary>
        public void AddPathLengths(ReadOnlySpan<double> rows, int width, Span<double> totals, int depth)
        {
            var features = Features;
            var values = Values;
            var i = 0;
            for (; i + 8 <= totals.Length; i += 8)
            {
                var block = rows.Slice(i * width, 8 * width);
                int s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (var step = 0; step < depth; step++)
                {
                    // Left (2k + 1) when the value is below the split, right (2k + 2) otherwise, as NaN goes.
                    s0 = (2 * s0) + 2 - (block[features[s0]] < values[s0] ? 1 : 0);
                    s1 = (2 * s1) + 2 - (block[width + features[s1]] < values[s1] ? 1 : 0);
                    s2 = (2 * s2) + 2 - (block[(2 * width) + features[s2]] < values[s2] ? 1 : 0);
                    s3 = (2 * s3) + 2 - (block[(3 * width) + features[s3]] < values[s3] ? 1 : 0);
                    s4 = (2 * s4) + 2 - (block[(4 * width) + features[s4]] < values[s4] ? 1 : 0);
                    s5 = (2 * s5) + 2 - (block[(5 * width) + features[s5]] < values[s5] ? 1 : 0);
                    s6 = (2 * s6) + 2 - (block[(6 * width) + features[s6]] < values[s6] ? 1 : 0);
                    s7 = (2 * s7) + 2 - (block[(7 * width) + features[s7]] < values[s7] ? 1 : 0);
                }

                totals[i] += Leaves[s0 - Splits];
                totals[i + 1] += Leaves[s1 - Splits];
                totals[i + 2] += Leaves[s2 - Splits];
                totals[i + 3] += Leaves[s3 - Splits];
                totals[i + 4] += Leaves[s4 - Splits];
                totals[i + 5] += Leaves[s5 - Splits];
                totals[i + 6] += Leaves[s6 - Splits];
                totals[i + 7] += Leaves[s7 - Splits];
            }

            for (; i < totals.Length; i++)
            {
                var row = rows.Slice(i * width, width);
                var slot = 0;
                for (var step = 0; step < depth; step++)
                {
                    slot = (2 * slot) + 2 - (row[features[slot]] < values[slot] ? 1 : 0);
                }

                totals[i] += Leaves[slot - Splits];
            }
        }
    }
}
