using System.Buffers;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// The values of one column within one chunk: numbers (NaN = missing) or, once the column holds text,
/// codes into chunk-local levels in first-seen order (-1 = missing).
/// </summary>
internal sealed class ChunkColumn(int capacity, bool text, ChunkArrays arrays)
{
    public double[]? Numbers { get; private set; } = text ? null : arrays.Doubles.Rent(capacity);

    public int[]? Codes { get; private set; } = text ? arrays.Ints.Rent(capacity) : null;

    public List<string> Levels => _levels?.Levels ?? [];

    /// <summary>True when a numeric chunk column holds at least one number (not only missing values).</summary>
    public bool HasNumbers { get; private set; }

    public bool IsText => Codes is not null;

    private Utf8LevelTable? _levels = text ? new Utf8LevelTable() : null;
    private int _count;

    public void AddMissing()
    {
        if (Codes is { } codes)
        {
            codes[_count++] = -1;
        }
        else
        {
            Numbers![_count++] = double.NaN;
        }
    }

    public void AddNumber(double value)
    {
        Numbers![_count++] = value;
        HasNumbers = true;
    }

    public void AddText(ReadOnlySpan<byte> utf8) => Codes![_count++] = _levels!.CodeOf(utf8);

    /// <summary>Gives the arrays back for later chunks once the values are copied into the frame.</summary>
    public void Release()
    {
        if (Numbers is { } numbers)
        {
            arrays.Doubles.Return(numbers);
        }

        if (Codes is { } codes)
        {
            arrays.Ints.Return(codes);
        }

        Numbers = null;
        Codes = null;
        _levels = null;
    }
}
