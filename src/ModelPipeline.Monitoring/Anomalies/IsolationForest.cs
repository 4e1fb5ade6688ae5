namespace ModelPipeline.Monitoring;

/// <summary>
/// Isolation forest (Liu, Ting and Zhou 2008; as scikit-learn's IsolationForest): 100 trees, each grown on 256
/// rows drawn without replacement to depth 8 by random features and random split values. The score of a row is
/// 2^(−mean path length / c(256)) in (0, 1]: higher is more anomalous. Seeded: the same rows and seed give the same
/// forest on every machine. Split values are kept as 32-bit floats so that a saved forest scores exactly as the fitted one.
/// </summary>
public sealed class IsolationForest
{
    public const int DefaultTrees = 100;
    public const int DefaultSampleSize = 256;

    private const int CompactFormat = 2;

    /// <summary>Rows scored together, tree by tree.</summary>
    private const int ScoreBlock = 1024;

    private readonly IsolationTree[] _trees;
    private readonly double _normalizer;

    internal IsolationForest(IsolationTree[] trees, int sampleSize, int features)
    {
        _trees = trees;
        SampleSize = sampleSize;
        Features = features;
        _normalizer = AveragePathLength(sampleSize);
    }

    public int SampleSize { get; }

    public int Features { get; }

    public int TreeCount => _trees.Length;

    /// <summary>Fits a forest on feature-major columns (columns[f][row]); missing values must already be filled.</summary>
    public static IsolationForest Fit(double[][] columns, int seed, int trees = DefaultTrees, int sampleSize = DefaultSampleSize)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleSize, ushort.MaxValue);
        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        var size = Math.Min(sampleSize, rows);
        var maxDepth = (int)Math.Ceiling(Math.Log2(Math.Max(size, 2)));
        var random = new Random(seed);
        var grown = new IsolationTree[trees];
        for (var t = 0; t < trees; t++)
        {
            grown[t] = IsolationTree.Grow(columns, Draw(random, rows, size), maxDepth, random);
        }

        return new IsolationForest(grown, size, columns.Length);
    }

    /// <summary>The anomaly score of every row of feature-major columns.</summary>
    public double[] Score(double[][] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        var scores = new double[rows];
        var blocks = (rows + ScoreBlock - 1) / ScoreBlock;
        var width = columns.Length;
        // Blocks of rows copied row-major (one row's features side by side), then scored tree by tree: a tree's nodes
        // stay in cache while it walks the whole block; one buffer per worker, no per-row allocation.
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new double[ScoreBlock * width], (block, _, buffer) =>
        {
            var start = block * ScoreBlock;
            var count = Math.Min(ScoreBlock, rows - start);
            for (var f = 0; f < width; f++)
            {
                var column = columns[f];
                for (var i = 0; i < count; i++)
                {
                    buffer[(i * width) + f] = column[start + i];
                }
            }

            var totals = scores.AsSpan(start, count);
            foreach (var tree in _trees)
            {
                tree.AddPathLengths(buffer, width, totals);
            }

            for (var i = 0; i < totals.Length; i++)
            {
                totals[i] = Math.Pow(2, -(totals[i] / _trees.Length) / _normalizer);
            }

            return buffer;
        }, _ => { });
        return scores;
    }

    /// <summary>
    /// The forest as compact bytes (format 2, the profile's <c>anomaly-forest.bin</c>): per node one byte (the split
    /// feature, 255 = leaf) then the split value (float) or the leaf's size (ushort); features beyond 254 take two bytes.
    /// </summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(CompactFormat);
        writer.Write(SampleSize);
        writer.Write(Features);
        writer.Write(_trees.Length);
        var wide = Features >= byte.MaxValue;
        foreach (var tree in _trees)
        {
            tree.Write(writer, wide);
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>Reads <see cref="ToBytes"/> (format 2) and the 6-bytes-per-node format 1 of older profiles.</summary>
    public static IsolationForest FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes));
            var format = reader.ReadInt32();
            if (format is not (1 or CompactFormat))
            {
                throw new MonitoringException("the profile's isolation forest has an unknown format version");
            }

            var sampleSize = reader.ReadInt32();
            var features = reader.ReadInt32();
            var trees = new IsolationTree[reader.ReadInt32()];
            for (var t = 0; t < trees.Length; t++)
            {
                trees[t] = format == 1 ? IsolationTree.ReadFormat1(reader) : IsolationTree.Read(reader, features >= byte.MaxValue);
            }

            return new IsolationForest(trees, sampleSize, features);
        }
        catch (EndOfStreamException)
        {
            throw new MonitoringException("the profile's isolation forest is truncated");
        }
    }

    /// <summary>c(n): the average path length of an unsuccessful search in a binary search tree of n points.</summary>
    internal static double AveragePathLength(double n) => n switch
    {
        <= 1 => 0,
        <= 2 => 1,
        _ => (2 * (Math.Log(n - 1) + 0.5772156649015329)) - (2 * (n - 1) / n),
    };

    private static int[] Draw(Random random, int rows, int size)
    {
        var chosen = new HashSet<int>();
        var sample = new int[size];
        for (var i = 0; i < size; i++)
        {
            int row;
            do
            {
                row = random.Next(rows);
            }
            while (!chosen.Add(row));
            sample[i] = row;
        }

        return sample;
    }
}
