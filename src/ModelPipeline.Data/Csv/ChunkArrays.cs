using System.Buffers;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// Value arrays recycled between the chunks of one read: only the chunks in flight hold arrays, so the
/// frame's own columns are the only large allocation. Dropped with the read.
/// </summary>
internal sealed class ChunkArrays
{
    public ArrayPool<double> Doubles { get; } = ArrayPool<double>.Create(1 << 24, 512);

    public ArrayPool<int> Ints { get; } = ArrayPool<int>.Create(1 << 24, 512);
}
