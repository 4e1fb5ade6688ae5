using System.Text.RegularExpressions;

namespace ModelPipeline.Targets;

/// <summary>
/// Reads the position at the start of a mistake's line (<c>pipelines/churn.yaml:9:3: ...</c>,
/// <c>data/churn.csv:7045: ...</c>) and writes it as a GitHub Actions error annotation on that file and line.
/// </summary>
internal static partial class InputPosition
{
    /// <summary><c>::error file=F,line=L,col=C::rest</c> when the line starts with a relative file and line, else <c>::error::line</c>.</summary>
    public static string Annotation(string line)
    {
        var match = Position().Match(line);
        if (!match.Success)
        {
            return $"::error::{Escape(line)}";
        }

        var column = match.Groups["column"].Success ? $",col={match.Groups["column"].Value}" : "";
        return $"::error file={EscapeProperty(match.Groups["file"].Value)},line={match.Groups["line"].Value}{column}::{Escape(match.Groups["rest"].Value)}";
    }

    /// <summary>A workflow command's message: <c>%</c>, CR and LF escaped.</summary>
    public static string Escape(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string text) => Escape(text).Replace(":", "%3A").Replace(",", "%2C");

    [GeneratedRegex(@"^(?<file>[^\s:/][^\s:]*\.[A-Za-z0-9]+):(?<line>\d+)(:(?<column>\d+))?: (?<rest>.+)$")]
    private static partial Regex Position();
}
