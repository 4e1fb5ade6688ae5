namespace ModelPipeline.Targets;

/// <summary>The plain-text table printed after a build: target, outcome, duration, total.</summary>
internal static class SummaryTable
{
    public static IEnumerable<string> Lines(IReadOnlyList<TargetResult> results, TimeSpan total)
    {
        var rows = results.Select(r => (r.Name, Outcome: Outcome(r), Duration: Duration(r))).ToList();
        var nameWidth = Math.Max("Target".Length, rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max()) + 3;
        var outcomeWidth = Math.Max("Outcome".Length, rows.Select(r => r.Outcome.Length).DefaultIfEmpty(0).Max()) + 3;
        var rule = new string('-', nameWidth + outcomeWidth + 10);

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

    public static string Outcome(TargetResult result) =>
        result.Reason is null ? result.Outcome.ToString() : $"{result.Outcome} ({result.Reason})";

    private static string Duration(TargetResult result) =>
        result.Outcome is TargetOutcome.Succeeded or TargetOutcome.Failed || result.Duration > TimeSpan.Zero
            ? Format(result.Duration)
            : "";

    /// <summary><c>0:01.25</c> (minutes:seconds.hundredths); hours when needed.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 ? duration.ToString(@"h\:mm\:ss") : duration.ToString(@"m\:ss\.ff");
}
