using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// Builds node histograms from row-major bins (one byte per feature per row) and interleaved gradient/hessian
/// pairs (per row). Rows split into fixed chunks (boundaries independent of the thread count) that fill private
/// partial histograms in parallel; partials are added in chunk order, so the sums are the same bits on any machine.
/// A partial keeps (gradient, hessian, count, unused) of a cell in one 32-byte vector, so a row adds to each of its
/// features' cells with one vector load, add and store (lane-wise double additions: the same bits as scalar ones).
/// A node's rows are scattered over the bins and gradients (both far larger than the caches): the row
/// <see cref="PrefetchDistance"/> positions ahead is prefetched, so its cache misses overlap this row's work.
/// </summary>
internal sealed class HistogramBuilder(byte[] bins, int features)
{
    private const int ChunkSize = 32768;

    /// <summary>How many positions ahead a node's row is prefetched (a few hundred nanoseconds of work ahead).</summary>
    internal const int PrefetchDistance = 24;
    private readonly List<double[]> _partials = [];

    /// <summary>Fills <paramref name="target"/> from positions start..end of <paramref name="rows"/> (null = rows start..end).</summary>
    public void Build(NodeHistogram target, int[]? rows, int start, int end, float[] pairs, ParallelOptions parallel)
    {
        var length = end - start;
        var chunks = RowChunks.Count(length, ChunkSize);
        var cells = features * NodeHistogram.BinsPerFeature;
        while (_partials.Count < chunks)
        {
            _partials.Add(new double[4 * cells]);
        }

        RowChunks.For(length, ChunkSize, parallel, (chunk, s, e) =>
            Accumulate(rows, start + s, start + e, pairs, _partials[chunk]));
        var g = target.Gradients;
        var h = target.Hessians;
        var c = target.Counts;
        var partial = _partials[0];
        for (var i = 0; i < cells; i++)
        {
            g[i] = partial[4 * i];
            h[i] = partial[(4 * i) + 1];
            c[i] = (int)partial[(4 * i) + 2];
        }

        for (var chunk = 1; chunk < chunks; chunk++)
        {
            partial = _partials[chunk];
            for (var i = 0; i < cells; i++)
            {
                g[i] += partial[4 * i];
                h[i] += partial[(4 * i) + 1];
                c[i] += (int)partial[(4 * i) + 2];
            }
        }
    }

    private unsafe void Accumulate(int[]? rows, int start, int end, float[] pairs, double[] partial)
    {
        Array.Clear(partial);
        var f = features;
        ref var cell0 = ref MemoryMarshal.GetArrayDataReference(partial);
        ref var bin0 = ref MemoryMarshal.GetArrayDataReference(bins);
        ref var pair0 = ref MemoryMarshal.GetArrayDataReference(pairs);
        if (rows is null)
        {
            for (var row = start; row < end; row++)
            {
                AddRow(ref cell0, ref Unsafe.Add(ref bin0, (nint)row * f), f, Unsafe.Add(ref pair0, 2 * row), Unsafe.Add(ref pair0, (2 * row) + 1));
            }

            return;
        }

        ref var rowIndex0 = ref MemoryMarshal.GetArrayDataReference(rows);
        _ = rows[end - 1];
        var prefetchEnd = Sse.IsSupported ? end - PrefetchDistance : start;
        fixed (byte* binBase = bins)
        fixed (float* pairBase = pairs)
        {
            var i = start;
            for (; i < prefetchEnd; i++)
            {
                var ahead = Unsafe.Add(ref rowIndex0, i + PrefetchDistance);
                Sse.Prefetch0(binBase + ((nint)ahead * f));
                Sse.Prefetch0(pairBase + (2 * (nint)ahead));
                var row = Unsafe.Add(ref rowIndex0, i);
                AddRow(ref cell0, ref Unsafe.Add(ref bin0, (nint)row * f), f, Unsafe.Add(ref pair0, 2 * row), Unsafe.Add(ref pair0, (2 * row) + 1));
            }

            for (; i < end; i++)
            {
                var row = Unsafe.Add(ref rowIndex0, i);
                AddRow(ref cell0, ref Unsafe.Add(ref bin0, (nint)row * f), f, Unsafe.Add(ref pair0, 2 * row), Unsafe.Add(ref pair0, (2 * row) + 1));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(ref double cell0, ref byte rowBins, int features, double gradient, double hessian)
    {
        var add = Vector256.Create(gradient, hessian, 1, 0);
        for (var feature = 0; feature < features; feature++)
        {
            ref var cell = ref Unsafe.As<double, Vector256<double>>(
                ref Unsafe.Add(ref cell0, 4 * ((feature * NodeHistogram.BinsPerFeature) + Unsafe.Add(ref rowBins, feature))));
            cell += add;
        }
    }
}
