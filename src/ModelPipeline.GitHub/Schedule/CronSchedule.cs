using System.Globalization;

namespace ModelPipeline.GitHub;

/// <summary>
/// A 5-field cron expression (minute hour day-of-month month day-of-week) read as GitHub Actions reads
/// <c>schedule.cron</c>: UTC, <c>*</c>, values, ranges <c>a-b</c>, steps <c>*/n</c> and <c>a-b/n</c>, lists, JAN-DEC and
/// SUN-SAT names. When both day fields are restricted, a day matching either one counts (classic cron).
/// </summary>
public sealed class CronSchedule
{
    static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    readonly bool[][] _allowed;
    readonly bool _anyDayOfMonth;
    readonly bool _anyDayOfWeek;

    CronSchedule(string text, bool[][] allowed, bool anyDayOfMonth, bool anyDayOfWeek)
    {
        Text = text;
        _allowed = allowed;
        _anyDayOfMonth = anyDayOfMonth;
        _anyDayOfWeek = anyDayOfWeek;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="CronFormatException">Not 5 fields, or a field out of range; the message names the field.</exception>
    public static CronSchedule Parse(string text) =>
        TryParse(text, out var schedule, out var problem) ? schedule! : throw new CronFormatException(problem!);

    /// <summary>False with a one-line <paramref name="problem"/> naming the field when <paramref name="text"/> is not valid.</summary>
    public static bool TryParse(string text, out CronSchedule? schedule, out string? problem)
    {
        schedule = null;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            problem = $"cron '{text}' has {parts.Length} fields; expected 5 (minute hour day-of-month month day-of-week), e.g. \"0 3 * * 1\"";
            return false;
        }

        var allowed = new bool[5][];
        for (var i = 0; i < 5; i++)
        {
            allowed[i] = new bool[Fields[i].Max + 2];
            if (Fill(parts[i], Fields[i], allowed[i]) is { } fieldProblem)
            {
                problem = $"cron '{text}': {Fields[i].Name} field '{parts[i]}' {fieldProblem}";
                return false;
            }
        }

        problem = null;
        schedule = new CronSchedule(text, allowed, parts[2] == "*", parts[4] == "*");
        return true;
    }

    /// <summary>The first matching minute strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = after.ToUniversalTime();
        t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_allowed[3][t.Month] || !DayMatches(t))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
            }
            else if (!_allowed[1][t.Hour])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            }
            else if (!_allowed[0][t.Minute])
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }

        throw new CronFormatException($"cron '{Text}' never matches (e.g. 31 February)");
    }

    bool DayMatches(DateTimeOffset t)
    {
        var dom = _allowed[2][t.Day];
        var dow = _allowed[4][(int)t.DayOfWeek];
        return (_anyDayOfMonth, _anyDayOfWeek) switch
        {
            (true, true) => true,
            (true, false) => dow,
            (false, true) => dom,
            _ => dom || dow,
        };
    }

    static string? Fill(string field, (string Name, int Min, int Max, string[]? Names) rule, bool[] allowed)
    {
        var expected = $"expected *, a value {rule.Min}-{rule.Max}, a range a-b, a step */n or a-b/n, or a comma list";
        foreach (var item in field.Split(','))
        {
            var rangeText = item;
            var step = 1;
            var slash = item.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                rangeText = item[..slash];
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    return $"has a bad step; {expected}";
                }
            }

            int low, high;
            if (rangeText == "*")
            {
                (low, high) = (rule.Min, rule.Max);
            }
            else
            {
                var dash = rangeText.IndexOf('-', StringComparison.Ordinal);
                var lowValue = Value(dash < 0 ? rangeText : rangeText[..dash], rule);
                var highValue = dash < 0 ? (slash >= 0 ? rule.Max : lowValue) : Value(rangeText[(dash + 1)..], rule);
                if (lowValue is null || highValue is null)
                {
                    return $"is out of range or not a number; {expected}";
                }

                if (lowValue > highValue)
                {
                    return $"has a range that runs backwards; {expected}";
                }

                (low, high) = (lowValue.Value, highValue.Value);
            }

            for (var v = low; v <= high; v += step)
            {
                allowed[v] = true;
            }
        }

        return null;
    }

    static int? Value(string text, (string Name, int Min, int Max, string[]? Names) rule)
    {
        if (rule.Names is { } names && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
        {
            return index + rule.Min;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= rule.Min && value <= rule.Max
            ? value
            : null;
    }
}
