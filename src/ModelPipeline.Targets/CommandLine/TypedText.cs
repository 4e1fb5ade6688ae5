using System.Globalization;
using System.Text;

namespace ModelPipeline.Targets;

/// <summary>
/// What the user typed, as shown inside a one-line usage error: control characters (a newline, a tab, NUL) are
/// escaped (<c>\n</c>, <c>\t</c>, <c>\0</c>, <c>\u001B</c>) so that the error stays one line and nothing typed moves the
/// terminal's cursor; a very long word is cut.
/// </summary>
internal static class TypedText
{
    private const int MaxShown = 200;

    public static string Show(string text)
    {
        var cut = text.Length > MaxShown;
        var shown = cut ? text[..MaxShown] : text;
        if (!shown.Any(char.IsControl))
        {
            return cut ? $"{shown}… ({text.Length:N0} characters)" : shown;
        }

        var escaped = new StringBuilder(shown.Length + 8);
        foreach (var c in shown)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return cut ? $"{escaped}… ({text.Length:N0} characters)" : escaped.ToString();
    }

    /// <summary>Whether a path holds a character no file system accepts (NUL), which .NET's path functions throw on.</summary>
    public static bool IsImpossiblePath(string path) => path.Contains('\0');
}
