namespace ModelPipeline.Reports;

/// <summary>
/// The inputs of a comparison in one order (by the larger of the two models' losses) with the change from champion to
/// challenger, and the sentence that names the largest changes: "what the new model relies on differently".
/// </summary>
internal sealed record ImportanceShift(string Input, ImportanceRow? Challenger, ImportanceRow? Champion)
{
    /// <summary>A change smaller than this share of the largest loss is not called a change.</summary>
    private const double Notable = 0.1;

    public double Change => (Challenger?.Loss ?? 0) - (Champion?.Loss ?? 0);

    public static IReadOnlyList<ImportanceShift> Of(ModelSide challenger, ModelSide? champion)
    {
        var ours = (challenger.Importance ?? []).ToDictionary(r => r.Input, StringComparer.Ordinal);
        var theirs = (champion?.Importance ?? []).ToDictionary(r => r.Input, StringComparer.Ordinal);
        return [.. ours.Keys.Union(theirs.Keys)
            .Select(input => new ImportanceShift(input, ours.GetValueOrDefault(input), theirs.GetValueOrDefault(input)))
            .OrderByDescending(s => Math.Max(s.Challenger?.Loss ?? 0, s.Champion?.Loss ?? 0))
            .ThenBy(s => s.Input, StringComparer.Ordinal)];
    }

    /// <summary>"Relies more on a (+0.031), less on b (−0.020)", or that nothing changed notably; null without a champion's figures.</summary>
    public static string? Sentence(IReadOnlyList<ImportanceShift> shifts, string challengerLabel)
    {
        if (shifts.Count == 0 || shifts.All(s => s.Champion is null))
        {
            return null;
        }

        var largest = shifts.Max(s => Math.Max(Math.Abs(s.Challenger?.Loss ?? 0), Math.Abs(s.Champion?.Loss ?? 0)));
        var notable = shifts.Where(s => largest > 0 && Math.Abs(s.Change) >= Notable * largest).ToList();
        if (notable.Count == 0)
        {
            return $"{challengerLabel} relies on the inputs as the champion does (no change of {Notable:P0} of the largest importance or more).";
        }

        static string Items(IEnumerable<ImportanceShift> items) =>
            string.Join(", ", items.Take(3).Select(s => $"{s.Input} ({Numbers.Delta(s.Change)})"));
        var more = notable.Where(s => s.Change > 0).OrderByDescending(s => s.Change).ToList();
        var less = notable.Where(s => s.Change < 0).OrderBy(s => s.Change).ToList();
        var parts = new List<string>();
        if (more.Count > 0)
        {
            parts.Add("more on " + Items(more));
        }

        if (less.Count > 0)
        {
            parts.Add("less on " + Items(less));
        }

        return $"{challengerLabel} relies {string.Join(", and ", parts)} than the champion.";
    }
}
