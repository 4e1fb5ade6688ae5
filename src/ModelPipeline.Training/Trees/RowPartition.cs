namespace ModelPipeline.Training.Trees;

/// <summary>
/// The training rows ordered so that every tree node owns a contiguous range. Splitting a node stably moves its
/// left rows before its right rows; large ranges split in fixed chunks in parallel, combined in chunk order, so
/// the order is the same as a sequential pass whatever the thread count.
/// </summary>
internal sealed class RowPartition(int rowCount)
{
    private const int ChunkSize = 32768;

    public int[] Rows { get; } = new int[rowCount];

    private readonly int[] _scratch = new int[rowCount];

    private readonly bool[] _left = new bool[rowCount];

    public void Reset()
    {
        for (var i = 0; i < Rows.Length; i++)
        {
            Rows[i] = i;
        }
    }

    /// <summary>Splits rows[start..end) by the split; returns the first index of the right part.</summary>
    public int Split(int start, int end, byte[] bins, int features, SplitCandidate split, ParallelOptions parallel)
    {
        var length = end - start;
        var chunks = RowChunks.Count(length, ChunkSize);
        var lefts = new int[chunks];
        var feature = split.Feature;
        var goesLeft = new bool[256];
        for (var b = 0; b < 256; b++)
        {
            goesLeft[b] = split.GoesLeft((byte)b);
        }

        RowChunks.For(length, ChunkSize, parallel, (chunk, s, e) =>
        {
            var count = 0;
            for (var i = start + s; i < start + e; i++)
            {
                var left = _left[i] = goesLeft[bins[(Rows[i] * features) + feature]];
                count += left ? 1 : 0;
            }

            lefts[chunk] = count;
        });
        var leftOffsets = new int[chunks];
        var total = 0;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            leftOffsets[chunk] = total;
            total += lefts[chunk];
        }

        RowChunks.For(length, ChunkSize, parallel, (chunk, s, e) =>
        {
            var left = start + leftOffsets[chunk];
            var right = start + total + (s - leftOffsets[chunk]);
            for (var i = start + s; i < start + e; i++)
            {
                var row = Rows[i];
                if (_left[i])
                {
                    _scratch[left++] = row;
                }
                else
                {
                    _scratch[right++] = row;
                }
            }
        });
        Array.Copy(_scratch, start, Rows, start, length);
        return start + total;
    }
}
