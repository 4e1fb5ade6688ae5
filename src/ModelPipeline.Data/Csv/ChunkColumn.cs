using System.Text;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// The values of one column within one chunk: numbers (NaN = missing) or, once the column holds text,
/// codes into chunk-local levels in first-seen order (-1 = missing).
/// </summary>
internal sealed class ChunkColumn(int capacity, bool text)
{
    public double[]? Numbers { get; private set; } = text ? null : new double[capacity];

    public int[]? Codes { get; private set; } = text ? new int[capacity] : null;

    public List<string> Levels { get; } = [];

    /// <summary>True when a numeric chunk column holds at least one number (not only missing values).</summary>
    public bool HasNumbers { get; private set; }

    public bool IsText => Codes is not null;

    private Dictionary<string, int>? _lookup = text ? new Dictionary<string, int>(StringComparer.Ordinal) : null;
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

    public void AddText(ReadOnlySpan<byte> utf8)
    {
        Span<char> stack = stackalloc char[128];
        var chars = utf8.Length <= stack.Length ? stack : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];
        var lookup = _lookup!.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(text, out var code))
        {
            code = Levels.Count;
            var level = text.ToString();
            _lookup.Add(level, code);
            Levels.Add(level);
        }

        Codes![_count++] = code;
    }

    /// <summary>Lets go of the values once they are copied into the frame.</summary>
    public void Release()
    {
        Numbers = null;
        Codes = null;
        _lookup = null;
    }
}
