using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelPipeline.Training.Trees;

/// <summary>
/// The training rows ordered so that every tree node owns a contiguous range. Splitting a node stably moves its
/// left rows before its right rows; large ranges split in fixed chunks in parallel (each chunk reads its rows' bins
/// once, writing left rows to one scratch buffer and right rows to another), then the chunks' parts are copied back
/// in chunk order, so the order is the same as a sequential pass whatever the thread count.
/// </summary>
internal sealed class RowPartition(int rowCount)
{
    private const int ChunkSize = 32768;

    public int[] Rows { get; } = new int[rowCount];

    private readonly int[] _lefts = new int[rowCount];

    private readonly int[] _rights = new int[rowCount];

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
        var leftCounts = new int[chunks];
        var goesLeft = new byte[256];
        for (var b = 0; b < 256; b++)
        {
            goesLeft[b] = split.GoesLeft((byte)b) ? (byte)1 : (byte)0;
        }

        RowChunks.For(length, ChunkSize, parallel, (chunk, s, e) =>
            leftCounts[chunk] = Divide(start + s, start + e, bins, features, split.Feature, goesLeft));
        var total = 0;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            total += leftCounts[chunk];
        }

        var leftOffsets = new int[chunks];
        for (var chunk = 1; chunk < chunks; chunk++)
        {
            leftOffsets[chunk] = leftOffsets[chunk - 1] + leftCounts[chunk - 1];
        }

        RowChunks.For(length, ChunkSize, parallel, (chunk, s, e) =>
        {
            var lefts = leftCounts[chunk];
            Array.Copy(_lefts, start + s, Rows, start + leftOffsets[chunk], lefts);
            Array.Copy(_rights, start + s, Rows, start + total + (s - leftOffsets[chunk]), e - s - lefts);
        });
        return start + total;
    }

    /// <summary>Writes the left rows of positions start..end to _lefts[start..], the right ones to _rights[start..]; returns the left count.</summary>
    private int Divide(int start, int end, byte[] bins, int features, int feature, byte[] goesLeft)
    {
        ref var row0 = ref MemoryMarshal.GetArrayDataReference(Rows);
        ref var bin0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bins), feature);
        ref var left0 = ref MemoryMarshal.GetArrayDataReference(goesLeft);
        ref var lefts = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_lefts), start);
        ref var rights = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rights), start);
        _ = Rows[end - 1];
        int l = 0, r = 0;
        for (var i = start; i < end; i++)
        {
            var row = Unsafe.Add(ref row0, i);
            int left = Unsafe.Add(ref left0, Unsafe.Add(ref bin0, (nint)row * features));
            Unsafe.Add(ref lefts, l) = row;
            Unsafe.Add(ref rights, r) = row;
            l += left;
            r += 1 - left;
        }

        return l;
    }
}
