using System.Globalization;

namespace ModelPipeline.Definitions.Reading;

/// <summary>Checks a 5-field cron expression (minute hour day-of-month month day-of-week), as GitHub Actions reads it.</summary>
internal static class CronExpression
{
    private static readonly (string Name, int Min, int Max, string[]? Names)[] Fields =
    [
        ("minute", 0, 59, null),
        ("hour", 0, 23, null),
        ("day of month", 1, 31, null),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 6, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    /// <summary>Null when valid; otherwise what is wrong, naming the field.</summary>
    public static string? Check(string cron)
    {
        var parts = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"'{cron}' has {parts.Length} fields; expected 5 (minute hour day-of-month month day-of-week), e.g. \"0 3 * * 1\"";
        }

        for (var i = 0; i < 5; i++)
        {
            if (CheckField(parts[i], Fields[i]) is { } problem)
            {
                return $"'{cron}': {Fields[i].Name} field '{parts[i]}' {problem}";
            }
        }

        return null;
    }

    private static string? CheckField(string field, (string Name, int Min, int Max, string[]? Names) rule)
    {
        var expected = $"expected *, a value {rule.Min}-{rule.Max}, a range a-b, a step */n or a-b/n, or a comma list";
        foreach (var item in field.Split(','))
        {
            var rangeText = item;
            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                rangeText = item[..slash];
                if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1)
                {
                    return $"has a bad step; {expected}";
                }
            }

            if (rangeText == "*")
            {
                continue;
            }

            var dash = rangeText.IndexOf('-');
            var low = Value(dash < 0 ? rangeText : rangeText[..dash], rule);
            var high = dash < 0 ? low : Value(rangeText[(dash + 1)..], rule);
            if (low is null || high is null)
            {
                return $"is out of range or not a number; {expected}";
            }

            if (low > high)
            {
                return $"has a range that runs backwards; {expected}";
            }
        }

        return null;
    }

    private static int? Value(string text, (string Name, int Min, int Max, string[]? Names) rule)
    {
        if (rule.Names is { } names && Array.FindIndex(names, n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is var index and >= 0)
        {
            return index + rule.Min;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // Day of week 7 is Sunday, as in most crons.
        var max = rule.Name == "day of week" ? 7 : rule.Max;
        return value >= rule.Min && value <= max ? value : null;
    }
}
