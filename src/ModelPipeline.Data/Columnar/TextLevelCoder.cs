namespace ModelPipeline.Data.Columnar;

/// <summary>
/// Codes for one chunk's strings in first-seen order, looked up by span (no string per value). Cells are trimmed of
/// spaces, tabs and carriage returns, and the empty cell and the missing tokens are missing (-1), as in a CSV file.
/// </summary>
internal sealed class TextLevelCoder
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _missing;

    public TextLevelCoder(HashSet<string> missingTokens)
    {
        _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
        _missing = missingTokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public List<string> Levels { get; } = [];

    public int CodeOf(ReadOnlySpan<char> text)
    {
        text = text.Trim(" \t\r");
        if (text.IsEmpty || _missing.Contains(text))
        {
            return -1;
        }

        if (!_lookup.TryGetValue(text, out var code))
        {
            code = Levels.Count;
            var level = text.ToString();
            _codes.Add(level, code);
            Levels.Add(level);
        }

        return code;
    }
}
