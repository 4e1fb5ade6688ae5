using System.Buffers;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// The values of one column within one chunk: numbers (NaN = missing) or, once the column holds text,
/// codes into chunk-local levels in first-seen order (-1 = missing).
/// </summary>
internal sealed class ChunkColumn
{
    private readonly ChunkArrays _arrays;
    private Utf8LevelTable? _levels;
    private List<string>? _givenLevels;
    private int _count;

    public ChunkColumn(int capacity, bool text, ChunkArrays arrays)
    {
        _arrays = arrays;
        Numbers = text ? null : arrays.Doubles.Rent(capacity);
        Codes = text ? arrays.Ints.Rent(capacity) : null;
        _levels = text ? new Utf8LevelTable() : null;
    }

    /// <summary>
    /// A text column whose codes a reader that sees values, not bytes, already gave in first-seen order (Parquet):
    /// <paramref name="codes"/> is rented from <paramref name="arrays"/> and goes back there on <see cref="Release"/>.
    /// </summary>
    public ChunkColumn(int[] codes, List<string> levels, ChunkArrays arrays)
    {
        _arrays = arrays;
        Codes = codes;
        _givenLevels = levels;
    }

    public double[]? Numbers { get; private set; }

    public int[]? Codes { get; private set; }

    public List<string> Levels => _levels?.Levels ?? _givenLevels ?? [];

    /// <summary>True when a numeric chunk column holds at least one number (not only missing values).</summary>
    public bool HasNumbers { get; private set; }

    public bool IsText => Codes is not null;

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
            _arrays.Doubles.Return(numbers);
        }

        if (Codes is { } codes)
        {
            _arrays.Ints.Return(codes);
        }

        Numbers = null;
        Codes = null;
        _levels = null;
        _givenLevels = null;
    }
}
