using System.Globalization;
using System.Text;

namespace ModelPipeline.Data.Csv;

/// <summary>Recognisers for cell texts that need a word before they become values.</summary>
internal static class CellText
{
    private static readonly string[] InfinitySpellings = ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞", "-∞"];

    /// <summary>inf, -inf, Infinity, ∞ and the like, in any letter case.</summary>
    public static bool IsInfinity(ReadOnlySpan<byte> cell)
    {
        if (cell.Length > 12)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(cell);
        return InfinitySpellings.Contains(text, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Whether a cell is one of <paramref name="classes"/>: the same text, or the same number.</summary>
    public static bool IsOneOf(ReadOnlySpan<byte> cell, string[] classes)
    {
        var text = Encoding.UTF8.GetString(cell);
        var isNumber = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number);
        foreach (var label in classes)
        {
            if (label == text || isNumber && double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == number)
            {
                return true;
            }
        }

        return false;
    }
}
