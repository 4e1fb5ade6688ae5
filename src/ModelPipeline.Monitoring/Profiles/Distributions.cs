using System.Numerics;
using ModelPipeline.Data;

namespace ModelPipeline.Monitoring;

/// <summary>Builds reference distributions and measures current data on the reference's bins.</summary>
internal static class Distributions
{
    public const int NumericBins = 20;
    public const int MaxLevels = 50;
    public const int SmallReference = 1000;
    private const int QuantileSample = 200_000;

    public static DistributionProfile Of(Column column) => column.Numbers is { } numbers
        ? Numeric(column.Name, numbers)
        : Categorical(column.Name, column.Codes!, column.Categories);

    public static DistributionProfile Numeric(string name, double[] values)
    {
        long present = 0;
        double sum = 0, squares = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            present++;
            sum += v;
            squares += v * v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var sample = PresentSample(values, present);
        Array.Sort(sample);
        var edges = new List<double>();
        for (var k = 1; k < NumericBins && sample.Length > 0; k++)
        {
            var edge = sample[(int)((long)k * (sample.Length - 1) / NumericBins)];
            if (edge > sample[0] && (edges.Count == 0 || edge > edges[^1]))
            {
                edges.Add(edge);
            }
        }

        var distinct = CountDistinct(sample, 6);
        var mean = present == 0 ? 0 : sum / present;
        var variance = present < 2 ? 0 : Math.Max(0, (squares - (present * mean * mean)) / (present - 1));
        var edgeArray = edges.ToArray();
        return new DistributionProfile
        {
            Name = name,
            Kind = DistributionProfile.NumericKind,
            Count = values.Length,
            MissingRate = values.Length == 0 ? 0 : (values.Length - present) / (double)values.Length,
            Edges = edgeArray,
            Shares = NumericShares(values, edgeArray).Shares,
            Min = present == 0 ? 0 : min,
            Max = present == 0 ? 0 : max,
            Mean = mean,
            StdDev = Math.Sqrt(variance),
            Discrete = distinct <= 5,
            Sample = present <= SmallReference ? sample : null,
        };
    }

    public static DistributionProfile Categorical(string name, int[] codes, IReadOnlyList<string> categories, int maxLevels = MaxLevels)
    {
        var counts = new long[categories.Count];
        long missing = 0;
        foreach (var code in codes)
        {
            if (code < 0)
            {
                missing++;
            }
            else
            {
                counts[code]++;
            }
        }

        var kept = Enumerable.Range(0, categories.Count)
            .Where(i => counts[i] > 0)
            .OrderByDescending(i => counts[i])
            .ThenBy(i => categories[i], StringComparer.Ordinal)
            .Take(maxLevels)
            .ToArray();
        var present = codes.Length - missing;
        var shares = new double[kept.Length + 1];
        for (var k = 0; k < kept.Length; k++)
        {
            shares[k] = present == 0 ? 0 : counts[kept[k]] / (double)present;
        }

        shares[^1] = present == 0 ? 0 : Math.Max(0, 1 - shares[..^1].Sum());
        return new DistributionProfile
        {
            Name = name,
            Kind = DistributionProfile.CategoricalKind,
            Count = codes.Length,
            MissingRate = codes.Length == 0 ? 0 : missing / (double)codes.Length,
            Levels = [.. kept.Select(i => categories[i])],
            Shares = shares,
        };
    }

    /// <summary>A column's current distribution on the reference's bins (levels unseen in the reference count as "other").</summary>
    public static CurrentDistribution Measure(DistributionProfile reference, Column column, bool keepValues) =>
        column.Numbers is { } numbers
            ? Measure(reference, numbers, keepValues)
            : MeasureCodes(reference, column.Codes!, column.Categories);

    public static CurrentDistribution Measure(DistributionProfile reference, double[] values, bool keepValues)
    {
        if (!reference.IsNumeric)
        {
            throw new MonitoringException($"'{reference.Name}' is categorical in the reference profile but numeric in the current data");
        }

        var measured = NumericShares(values, reference.Edges);
        double[]? sorted = null;
        if (keepValues)
        {
            sorted = [.. values.Where(v => !double.IsNaN(v))];
            Array.Sort(sorted);
        }

        return measured with { SortedValues = sorted };
    }

    public static CurrentDistribution MeasureCodes(DistributionProfile reference, int[] codes, IReadOnlyList<string> categories)
    {
        if (reference.IsNumeric)
        {
            throw new MonitoringException($"'{reference.Name}' is numeric in the reference profile but categorical in the current data");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < reference.Levels.Length; k++)
        {
            index[reference.Levels[k]] = k;
        }

        var map = categories.Select(c => index.TryGetValue(c, out var k) ? k : reference.Levels.Length).ToArray();
        var counts = new long[reference.Levels.Length + 1];
        long missing = 0;
        foreach (var code in codes)
        {
            if (code < 0)
            {
                missing++;
            }
            else
            {
                counts[map[code]]++;
            }
        }

        return CurrentDistribution.FromCounts(counts, missing);
    }

    private static CurrentDistribution NumericShares(double[] values, double[] edges)
    {
        var counts = new long[edges.Length + 1];
        // The bin of a value is the number of edges at or below it: a branch-free binary search over the edges padded
        // with NaN (never at or below anything) to a power of two, the same answer as Array.BinarySearch.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)edges.Length + 1);
        var padded = new double[size];
        padded.AsSpan().Fill(double.NaN);
        edges.CopyTo(padded, 0);
        long missing = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                missing++;
                continue;
            }

            var bin = 0;
            for (var step = size >> 1; step > 0; step >>= 1)
            {
                bin += (padded[bin + step - 1] <= v ? 1 : 0) * step;
            }

            counts[bin]++;
        }

        return CurrentDistribution.FromCounts(counts, missing);
    }

    /// <summary>The present values, or an evenly spread subset of them when there are very many (quantiles only).</summary>
    private static double[] PresentSample(double[] values, long present)
    {
        var stride = Math.Max(1, (int)(present / QuantileSample));
        var sample = new List<double>((int)Math.Min(present, QuantileSample + 1));
        var skip = 0; // present values still to pass before the next one taken: every stride-th, from the first
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (skip == 0)
            {
                sample.Add(v);
                skip = stride;
            }

            skip--;
        }

        return [.. sample];
    }

    private static int CountDistinct(double[] sorted, int stopAt)
    {
        var distinct = 0;
        for (var i = 0; i < sorted.Length && distinct < stopAt; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                distinct++;
            }
        }

        return distinct;
    }
}
