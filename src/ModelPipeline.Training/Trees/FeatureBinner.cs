using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ModelPipeline.Training.Features;
using ModelPipeline.Training.Format;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// Maps every input to at most 255 bins plus <see cref="MissingBin"/>. Numeric inputs: bin b holds values in
/// (edge[b-1], edge[b]], with edges at midpoints between distinct values or at quantiles of a seeded subsample
/// (as scikit-learn's HistGradientBoosting). Categorical inputs: one bin per category (the most frequent ones
/// when there are more than the bin budget); missing, rarer and unseen categories share the missing bin.
/// </summary>
internal sealed class FeatureBinner(double[]?[] edges, byte[]?[] categoryBins)
{
    public const int MissingBin = 255;
    public const int SubsampleSize = 200_000;

    /// <summary>Per numeric input, the bin upper edges (bin count = edges + 1); null for categorical inputs.</summary>
    public double[]?[] Edges { get; } = edges;

    /// <summary>Per categorical input, the bin of each schema category; null for numeric inputs.</summary>
    public byte[]?[] CategoryBins { get; } = categoryBins;

    /// <summary>Numbers above this have no whole-number table (<see cref="WholeNumberBins"/>).</summary>
    public const int MaxWholeNumber = 1 << 16;

    /// <summary>Per numeric input, the bin of each whole number 0..floor(last edge)+1 (null when none); the same bins as <see cref="BinOf"/>.</summary>
    private readonly byte[]?[] _wholeBins = Array.ConvertAll(edges, WholeNumberBins);

    public int FeatureCount => Edges.Length;

    public bool IsCategorical(int feature) => CategoryBins[feature] is not null;

    /// <summary>How many non-missing bins a feature has.</summary>
    public int BinCount(int feature) =>
        Edges[feature] is { } e ? e.Length + 1 : CategoryBins[feature]!.Where(b => b != MissingBin).Select(b => b + 1).DefaultIfEmpty(0).Max();

    public static FeatureBinner Fit(BoundInputs inputs, int[] rows, int maxBins, int seed, ParallelOptions parallel)
    {
        var sample = rows;
        if (rows.Length > SubsampleSize)
        {
            var pool = (int[])rows.Clone();
            var random = new Random(seed);
            for (var i = 0; i < SubsampleSize; i++)
            {
                var j = i + random.Next(pool.Length - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }

            sample = pool[..SubsampleSize];
        }

        var count = inputs.Numbers.Length;
        var edges = new double[]?[count];
        var categoryBins = new byte[]?[count];
        Parallel.For(0, count, parallel, f =>
        {
            if (inputs.Numbers[f] is { } values)
            {
                edges[f] = NumericEdges(values, sample, maxBins);
            }
            else
            {
                categoryBins[f] = CategoryMap(inputs.Codes[f]!, rows, maxBins);
            }
        });
        return new FeatureBinner(edges, categoryBins);
    }

    private static double[] NumericEdges(double[] values, int[] sample, int maxBins)
    {
        var present = new List<double>(sample.Length);
        foreach (var row in sample)
        {
            if (!double.IsNaN(values[row]))
            {
                present.Add(values[row]);
            }
        }

        var sorted = present.ToArray();
        Array.Sort(sorted);
        var distinct = new List<double>();
        foreach (var v in sorted)
        {
            if (distinct.Count == 0 || distinct[^1] != v)
            {
                distinct.Add(v);
            }
        }

        var edges = new List<double>();
        if (distinct.Count <= maxBins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
            {
                edges.Add(0.5 * (distinct[i] + distinct[i + 1]));
            }
        }
        else
        {
            for (var q = 1; q < maxBins; q++)
            {
                var position = q / (double)maxBins * (sorted.Length - 1);
                var edge = 0.5 * (sorted[(int)Math.Floor(position)] + sorted[(int)Math.Ceiling(position)]);
                if (edges.Count == 0 || edges[^1] != edge)
                {
                    edges.Add(edge);
                }
            }
        }

        return [.. edges];
    }

    private static byte[] CategoryMap(int[] codes, int[] rows, int maxBins)
    {
        var categories = 0;
        foreach (var row in rows)
        {
            categories = Math.Max(categories, codes[row] + 1);
        }

        var counts = new long[categories];
        foreach (var row in rows)
        {
            if (codes[row] >= 0)
            {
                counts[codes[row]]++;
            }
        }

        var kept = Enumerable.Range(0, categories).Where(c => counts[c] > 0)
            .OrderByDescending(c => counts[c]).ThenBy(c => c).Take(maxBins).Order().ToArray();
        var map = Enumerable.Repeat((byte)MissingBin, categories).ToArray();
        for (var b = 0; b < kept.Length; b++)
        {
            map[kept[b]] = (byte)b;
        }

        return map;
    }

    /// <summary>Bins the given rows (all rows when null) of every input, row-major (features per row).</summary>
    public byte[] Bin(BoundInputs inputs, int[]? rows, ParallelOptions parallel)
    {
        var n = rows?.Length ?? inputs.RowCount;
        var result = new byte[(long)n * FeatureCount];
        RowChunks.For(n, 65536, parallel, (_, start, end) => BinRows(inputs, rows, start, end, result.AsSpan(start * FeatureCount, (end - start) * FeatureCount)));
        return result;
    }

    /// <summary>Bins positions start..end (rows[i], or row i when rows is null) into <paramref name="target"/>, row-major.</summary>
    public void BinRows(BoundInputs inputs, int[]? rows, int start, int end, Span<byte> target)
    {
        var features = FeatureCount;
        for (var f = 0; f < features; f++)
        {
            if (Edges[f] is { } edges)
            {
                var values = inputs.Numbers[f]!;
                var whole = _wholeBins[f] ?? [];
                for (var i = start; i < end; i++)
                {
                    var value = values[rows is null ? i : rows[i]];
                    var index = (int)value;
                    target[((i - start) * features) + f] = index == value && (uint)index < (uint)whole.Length ? whole[index] : BinOf(value, edges);
                }
            }
            else
            {
                var map = CategoryBins[f]!;
                var codes = inputs.Codes[f]!;
                for (var i = start; i < end; i++)
                {
                    var code = codes[rows is null ? i : rows[i]];
                    target[((i - start) * features) + f] = (uint)code < (uint)map.Length ? map[code] : (byte)MissingBin;
                }
            }
        }
    }

    /// <summary>
    /// The bins of the whole numbers 0..floor(last edge)+1 (every larger number falls in the last bin), looked up instead of
    /// searched: counts, hours, minutes and distances are whole numbers. Null without edges or with a last edge out of range.
    /// </summary>
    internal static byte[]? WholeNumberBins(double[]? edges)
    {
        if (edges is not { Length: > 0 } || !(edges[^1] >= 0 && edges[^1] < MaxWholeNumber))
        {
            return null;
        }

        var table = new byte[(int)Math.Floor(edges[^1]) + 2];
        for (var v = 0; v < table.Length; v++)
        {
            table[v] = BinOf(v, edges);
        }

        return table;
    }

    /// <summary>
    /// The first bin whose upper edge is &gt;= <paramref name="value"/> (edges.Length past the last), or the missing bin
    /// for NaN. A search without data-dependent branches (Khuong and Morin's branch-free lower bound): the number of
    /// halvings depends on the edge count alone, so random values cost no mispredicted branches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte BinOf(double value, double[] edges)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? (byte)MissingBin : InfiniteBin(value, edges);
        }

        var count = edges.Length;
        if (count == 0)
        {
            return 0;
        }

        ref var edge = ref MemoryMarshal.GetArrayDataReference(edges);
        var low = 0;
        while (count > 1)
        {
            var half = count >> 1;
            low += half & Below(Unsafe.Add(ref edge, low + half), value);
            count -= half;
        }

        return (byte)(low - Below(Unsafe.Add(ref edge, low), value));
    }

    /// <summary>The bin of an infinite value (an edge may be infinite too, where differences are NaN): the first edge &gt;= it.</summary>
    private static byte InfiniteBin(double value, double[] edges)
    {
        var bin = 0;
        while (bin < edges.Length && !(value <= edges[bin]))
        {
            bin++;
        }

        return (byte)bin;
    }

    /// <summary>
    /// -1 when <paramref name="edge"/> &lt; <paramref name="value"/>, else 0 (value finite): the sign of their difference,
    /// which is never zero for distinct doubles (gradual underflow). Arithmetic, so the JIT cannot turn it into a branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Below(double edge, double value) => (int)(BitConverter.DoubleToInt64Bits(edge - value) >> 63);

    public void Write(BinaryWriter writer)
    {
        writer.Write(FeatureCount);
        for (var f = 0; f < FeatureCount; f++)
        {
            if (Edges[f] is { } edges)
            {
                writer.Write((byte)0);
                writer.Write(edges.Length);
                foreach (var e in edges)
                {
                    writer.Write(e);
                }
            }
            else
            {
                writer.Write((byte)1);
                writer.Write(CategoryBins[f]!.Length);
                writer.Write(CategoryBins[f]!);
            }
        }
    }

    public static FeatureBinner Read(BinaryReader reader)
    {
        var count = ModelFile.ReadCount(reader);
        var edges = new double[]?[count];
        var categoryBins = new byte[]?[count];
        for (var f = 0; f < count; f++)
        {
            if (reader.ReadByte() == 0)
            {
                var e = edges[f] = new double[ModelFile.ReadCount(reader)];
                for (var i = 0; i < e.Length; i++)
                {
                    e[i] = reader.ReadDouble();
                }
            }
            else
            {
                var length = ModelFile.ReadCount(reader);
                categoryBins[f] = reader.ReadBytes(length);
                if (categoryBins[f]!.Length != length)
                {
                    throw new EndOfStreamException("the file ends inside a category map");
                }
            }
        }

        return new FeatureBinner(edges, categoryBins);
    }
}
