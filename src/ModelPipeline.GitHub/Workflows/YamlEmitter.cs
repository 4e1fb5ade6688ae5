using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelPipeline.GitHub.Workflows;

/// <summary>
/// Writes <see cref="YamlMap"/>s, lists, strings, booleans and integers as block-style YAML with two-space indents.
/// Deterministic: the same tree always gives the same text ('\n' line ends). Strings that YAML would read as
/// something else (numbers, booleans, null, aliases, flow collections, comments) are single-quoted.
/// </summary>
internal static partial class YamlEmitter
{
    public static string Emit(YamlMap root)
    {
        var text = new StringBuilder();
        WriteMap(text, root, 0);
        return text.ToString();
    }

    static void WriteMap(StringBuilder text, YamlMap map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(key).Append(':');
            WriteValue(text, value, indent);
        }
    }

    static void WriteValue(StringBuilder text, object value, int indent)
    {
        switch (value)
        {
            case YamlMap { Count: 0 }:
                text.Append(" {}\n");
                break;
            case YamlMap map:
                text.Append('\n');
                WriteMap(text, map, indent + 2);
                break;
            case IReadOnlyList<object> { Count: 0 }:
                text.Append(" []\n");
                break;
            case IReadOnlyList<object> list:
                text.Append('\n');
                WriteList(text, list, indent + 2);
                break;
            case YamlLiteral literal:
                text.Append(" |\n");
                foreach (var line in literal.Text.TrimEnd('\n').Split('\n'))
                {
                    (line.Length == 0 ? text : text.Append(' ', indent + 2)).Append(line).Append('\n');
                }

                break;
            default:
                text.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    static void WriteList(StringBuilder text, IReadOnlyList<object> list, int indent)
    {
        foreach (var item in list)
        {
            text.Append(' ', indent).Append('-');
            if (item is YamlMap { Count: > 0 } map)
            {
                // "- key: value" with the remaining keys aligned under the first.
                var first = true;
                foreach (var (key, value) in map)
                {
                    text.Append(' ', first ? 1 : indent + 2).Append(key).Append(':');
                    WriteValue(text, value, indent + 2);
                    first = false;
                }
            }
            else
            {
                WriteValue(text, item, indent);
            }
        }
    }

    /// <summary>The scalar as YAML text: plain when that reads back as the same string, else single-quoted.</summary>
    public static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => NeedsQuotes(s) ? "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'" : s,
        _ => throw new ArgumentException($"YAML scalar of type {value.GetType().Name} is not supported", nameof(value)),
    };

    static bool NeedsQuotes(string s) =>
        s.Length == 0
        || s.Contains('\n', StringComparison.Ordinal)
        || !PlainSafe().IsMatch(s)
        || s.Contains(": ", StringComparison.Ordinal)
        || s.Contains(" #", StringComparison.Ordinal)
        || s.EndsWith(':')
        || Reserved().IsMatch(s)
        || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    [GeneratedRegex(@"^[A-Za-z0-9_./$~(][A-Za-z0-9_./$~(){}\[\]|&!=<>@'"":,+ -]*(?<! )$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex("^(?i:true|false|yes|no|y|n|on|off|null|~)$")]
    private static partial Regex Reserved();
}
