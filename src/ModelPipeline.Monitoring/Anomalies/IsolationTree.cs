namespace ModelPipeline.Monitoring;

/// <summary>One isolation tree, nodes in pre-order: an inner node's left child follows it; leaves have feature −1 and keep their size.</summary>
internal sealed class IsolationTree
{
    private readonly short[] _feature;
    private readonly float[] _value;

    /// <summary>Scoring layout: one struct per node with its right child's index, a leaf's whole path length precomputed.</summary>
    private readonly Node[] _nodes;

    private IsolationTree(short[] feature, float[] value)
    {
        _feature = feature;
        _value = value;
        _nodes = new Node[feature.Length];
        var next = 0;
        Link(ref next, 0);
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

    private int Link(ref int next, int depth)
    {
        var node = next++;
        _nodes[node].Feature = _feature[node];
        _nodes[node].Value = _value[node];
        if (_feature[node] >= 0)
        {
            Link(ref next, depth + 1);
            _nodes[node].Right = Link(ref next, depth + 1);
        }
        else
        {
            _nodes[node].PathLength = depth + IsolationForest.AveragePathLength(_value[node]);
        }

        return node;
    }

    private struct Node
    {
        public int Feature;
        public float Value;
        public int Right;
        public double PathLength;
    }
}
