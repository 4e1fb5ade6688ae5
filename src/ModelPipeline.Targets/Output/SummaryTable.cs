namespace ModelPipeline.Targets;

/// <summary>
/// The plain-text table printed after a build: target, outcome, duration, total. It fits in the given width (the
/// terminal's, or <see cref="DefaultWidth"/>): a long skip reason is cut short with "…", its full text is in the log above.
/// </summary>
internal static class SummaryTable
{
    /// <summary>The width when the log is not a terminal (a file, a CI log).</summary>
    public const int DefaultWidth = 100;

    private const int Gap = 3;
    private const int DurationWidth = 10;
    private const int MinimumOutcomeWidth = 12; // "Succeeded" and a little of a reason

    public static IEnumerable<string> Lines(IReadOnlyList<TargetResult> results, TimeSpan total, int width = DefaultWidth)
    {
        var (nameWidth, outcomeWidth) = Widths(results, width);
        var rows = results.Select(r => (r.Name, Outcome: Shorten(Outcome(r), outcomeWidth - Gap), Duration: Duration(r))).ToList();
        var rule = new string('-', nameWidth + outcomeWidth + DurationWidth);

        yield return "";
        yield return rule;
        yield return Row("Target", "Outcome", "Duration");
        yield return rule;
        foreach (var row in rows)
        {
            yield return Row(row.Name, row.Outcome, row.Duration);
        }

        yield return rule;
        yield return Row("Total", "", Format(total));
        yield return rule;

        string Row(string name, string outcome, string duration) =>
            (name.PadRight(nameWidth) + outcome.PadRight(outcomeWidth) + duration).TrimEnd();
    }

    /// <summary>Whether the table cuts <paramref name="result"/>'s outcome short at this width.</summary>
    public static bool Shortens(TargetResult result, IReadOnlyList<TargetResult> results, int width) =>
        Outcome(result).Length > Widths(results, width).Outcome - Gap;

    public static string Outcome(TargetResult result) =>
        result.Reason is null ? result.Outcome.ToString() : $"{result.Outcome} ({result.Reason})";

    /// <summary><c>0:01.25</c> (minutes:seconds.hundredths); hours when needed.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss") : duration.ToString(@"m\:ss\.ff");

    private static (int Name, int Outcome) Widths(IReadOnlyList<TargetResult> results, int width)
    {
        var name = Math.Max("Target".Length, results.Select(r => r.Name.Length).DefaultIfEmpty(0).Max()) + Gap;
        var longest = Math.Max("Outcome".Length, results.Select(r => Outcome(r).Length).DefaultIfEmpty(0).Max()) + Gap;
        var room = Math.Max(MinimumOutcomeWidth + Gap, width - name - DurationWidth);
        return (name, Math.Min(longest, room));
    }

    /// <summary>"Skipped (unchanged since 1.0.0 …)": cut to <paramref name="width"/>, closing the reason's parenthesis.</summary>
    private static string Shorten(string outcome, int width)
    {
        if (outcome.Length <= width)
        {
            return outcome;
        }

        var closes = outcome.EndsWith(')');
        var keep = Math.Max(1, width - (closes ? 2 : 1));
        return outcome[..keep].TrimEnd() + "…" + (closes ? ")" : "");
    }

    private static string Duration(TargetResult result) =>
        result.Outcome is TargetOutcome.Succeeded or TargetOutcome.Failed || result.Duration > TimeSpan.Zero
            ? Format(result.Duration)
            : "";
}
