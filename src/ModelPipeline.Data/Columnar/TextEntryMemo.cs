using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelPipeline.Data.Columnar;

/// <summary>
/// The code of each string of one chunk, remembered by the memory it lives in: Parquet.Net gives every value of a
/// dictionary-encoded string column the dictionary entry's own char array, so a row whose array, offset and length
/// were seen before takes that code without trimming, hashing or comparing its text. A fixed-size table (no growth for
/// plain-encoded columns, where every value has its own array); a miss asks the <see cref="TextLevelCoder"/>, so the
/// codes are exactly the coder's.
/// </summary>
internal sealed class TextEntryMemo(TextLevelCoder coder)
{
    private const int Slots = 1 << 12;

    private readonly char[]?[] _arrays = new char[Slots][];
    private readonly int[] _offsets = new int[Slots];
    private readonly int[] _lengths = new int[Slots];
    private readonly int[] _codes = new int[Slots];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CodeOf(ReadOnlyMemory<char> text)
    {
        if (!MemoryMarshal.TryGetArray(text, out var segment) || segment.Array is not { } array)
        {
            return coder.CodeOf(text.Span);
        }

        var slot = (RuntimeHelpers.GetHashCode(array) ^ (segment.Offset * 31)) & (Slots - 1);
        if (ReferenceEquals(_arrays[slot], array) && _offsets[slot] == segment.Offset && _lengths[slot] == segment.Count)
        {
            return _codes[slot];
        }

        var code = coder.CodeOf(segment.AsSpan());
        _arrays[slot] = array;
        _offsets[slot] = segment.Offset;
        _lengths[slot] = segment.Count;
        _codes[slot] = code;
        return code;
    }
}
