using System.Globalization;
using Cronos;

namespace ModelPipeline;

/// <summary>
/// <c>schedule.cron</c> as GitHub Actions reads it: 5 fields (minute hour day-of-month month day-of-week), UTC, with
/// <c>*</c>, values, ranges <c>a-b</c>, steps <c>*/n</c> and <c>a-b/n</c>, lists, JAN-DEC and SUN-SAT (7 is Sunday).
/// Cronos parses each field and computes the occurrences; this type keeps GitHub's dialect: Cronos's own extensions
/// (<c>L</c>, <c>W</c>, <c>#</c>, <c>?</c>, <c>H</c>) and its wrap-around ranges (<c>22-2</c>) are refused, and when both
/// day fields are restricted a day matching either one counts (POSIX cron; Cronos alone would need both).
/// Compiled into Definitions (checks the YAML) and GitHub (workflow schedules, the local watch) as a linked file.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly (string Name, int Min, int Max, string[] Names)[] Fields =
    [
        ("minute", 0, 59, []),
        ("hour", 0, 23, []),
        ("day of month", 1, 31, []),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    private readonly CronExpression[] _expressions;

    private CronSchedule(string text, CronExpression[] expressions)
    {
        Text = text;
        _expressions = expressions;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with the one-line problem.</summary>
    public static CronSchedule Parse(string text) =>
        TryParse(text, out var schedule, out var problem) ? schedule! : throw new FormatException(problem);

    /// <summary>False with a one-line <paramref name="problem"/> naming the field when <paramref name="text"/> is not valid.</summary>
    public static bool TryParse(string text, out CronSchedule? schedule, out string? problem)
    {
        schedule = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            problem = $"'{text}' has {parts.Length} fields; expected 5 (minute hour day-of-month month day-of-week), e.g. \"0 3 * * 1\"";
            return false;
        }

        for (var i = 0; i < 5; i++)
        {
            if (FieldProblem(parts, i) is { } fieldProblem)
            {
                var (name, min, max, _) = Fields[i];
                problem = $"'{text}': {name} field '{parts[i]}' {fieldProblem}; expected *, a value {min}-{max}, a range a-b, a step */n or a-b/n, or a comma list";
                return false;
            }
        }

        CronExpression[] expressions = parts[2] != "*" && parts[4] != "*"
            ? [Cronos(parts, (4, "*")), Cronos(parts, (2, "*"))]
            : [Cronos(parts)];
        problem = null;
        schedule = new CronSchedule(text, expressions);
        return true;
    }

    /// <summary>The first matching minute strictly after <paramref name="after"/> (UTC); null when none ever does (31 February).</summary>
    public DateTimeOffset? Next(DateTimeOffset after) =>
        _expressions.Select(e => e.GetNextOccurrence(after.ToUniversalTime(), TimeZoneInfo.Utc)).Min();

    private static string? FieldProblem(string[] parts, int index)
    {
        var field = parts[index];
        foreach (var item in field.Split(','))
        {
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && !(int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step >= 1))
            {
                return "has a bad step";
            }

            var range = (slash < 0 ? item : item[..slash]).Split('-');
            var values = range.Select(v => Value(v, Fields[index].Names)).ToArray();
            if (range.Length > 2 || values.Contains(null) || (range is ["*"] ? false : range.Contains("*")))
            {
                return "is out of range or not a number";
            }

            if (values is [{ } low, { } high] && low > high)
            {
                return "has a range that runs backwards";
            }
        }

        try
        {
            Cronos(parts, (index, field), all: true);
            return null;
        }
        catch (CronFormatException)
        {
            return "is out of range or not a number";
        }
    }

    /// <summary>A value's number (names by position), -1 for <c>*</c>, null for anything GitHub's cron does not read.</summary>
    private static int? Value(string text, string[] names)
    {
        if (text == "*")
        {
            return -1;
        }

        var name = Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (name >= 0)
        {
            return name + (names.Length == 12 ? 1 : 0);
        }

        return text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>Cronos's expression for <paramref name="parts"/>, one field replaced (or, with <paramref name="all"/>, that field alone).</summary>
    private static CronExpression Cronos(string[] parts, (int Index, string Field)? replace = null, bool all = false)
    {
        var fields = all ? ["*", "*", "*", "*", "*"] : (string[])parts.Clone();
        if (replace is { } r)
        {
            fields[r.Index] = r.Field;
        }

        return CronExpression.Parse(string.Join(' ', fields), CronFormat.Standard);
    }
}
