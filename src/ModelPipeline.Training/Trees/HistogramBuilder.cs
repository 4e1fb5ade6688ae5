namespace ModelPipeline.Training.Trees;

/// <summary>
/// Builds node histograms from row-major bins (one byte per feature per row) and interleaved gradient/hessian
/// pairs. Rows split into fixed chunks (boundaries independent of the thread count) that fill private partial
/// histograms in parallel; partials are added in chunk order, so the sums are the same bits on any machine.
/// </summary>
internal sealed class HistogramBuilder(byte[] bins, int features)
{
    private const int ChunkSize = 32768;
    private readonly List<double[]> _partialSums = [];
    private readonly List<int[]> _partialCounts = [];

    /// <summary>
    /// Fills <paramref name="target"/> from positions start..end of <paramref name="rows"/> (null = rows start..end).
    /// <paramref name="pairs"/> holds (gradient, hessian) per position when <paramref name="ordered"/>, else per row.
    /// </summary>
    public void Build(NodeHistogram target, int[]? rows, int start, int end, float[] pairs, bool ordered, ParallelOptions parallel)
    {
        var length = end - start;
        var chunks = RowChunks.Count(length, ChunkSize);
        var cells = features * NodeHistogram.BinsPerFeature;
        while (_partialSums.Count < chunks)
        {
            _partialSums.Add(new double[2 * cells]);
            _partialCounts.Add(new int[cells]);
        }

        RowChunks.For(length, ChunkSize, parallel, (chunk, s, e) =>
            Accumulate(rows, start + s, start + e, pairs, ordered, _partialSums[chunk], _partialCounts[chunk]));
        var g = target.Gradients;
        var h = target.Hessians;
        var c = target.Counts;
        var sums = _partialSums[0];
        var counts = _partialCounts[0];
        for (var i = 0; i < cells; i++)
        {
            g[i] = sums[2 * i];
            h[i] = sums[(2 * i) + 1];
            c[i] = counts[i];
        }

        for (var chunk = 1; chunk < chunks; chunk++)
        {
            sums = _partialSums[chunk];
            counts = _partialCounts[chunk];
            for (var i = 0; i < cells; i++)
            {
                g[i] += sums[2 * i];
                h[i] += sums[(2 * i) + 1];
                c[i] += counts[i];
            }
        }
    }

    private void Accumulate(int[]? rows, int start, int end, float[] pairs, bool ordered, double[] sums, int[] counts)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        var f = features;
        for (var i = start; i < end; i++)
        {
            var row = rows is null ? i : rows[i];
            var pair = 2 * (ordered ? i : row);
            double gradient = pairs[pair];
            double hessian = pairs[pair + 1];
            var offset = row * f;
            for (var feature = 0; feature < f; feature++)
            {
                var cell = (feature * NodeHistogram.BinsPerFeature) + bins[offset + feature];
                sums[2 * cell] += gradient;
                sums[(2 * cell) + 1] += hessian;
                counts[cell]++;
            }
        }
    }
}
