namespace ModelPipeline.Data;

/// <summary>The spellings of true and false that a boolean column accepts.</summary>
public static class BooleanText
{
    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        text = text.Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text is "1")
        {
            value = true;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text is "0")
        {
            value = false;
            return true;
        }

        value = false;
        return false;
    }

    /// <summary>True when the levels are exactly one true and one false spelling (e.g. Yes/No).</summary>
    public static bool AreBooleanLevels(IReadOnlyList<string> levels)
    {
        if (levels.Count != 2)
        {
            return false;
        }

        return TryParse(levels[0], out var a) && TryParse(levels[1], out var b) && a != b
            && !double.TryParse(levels[0], out _) && !double.TryParse(levels[1], out _);
    }
}
