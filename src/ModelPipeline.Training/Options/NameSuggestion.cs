namespace ModelPipeline.Training.Options;

/// <summary>Finds the valid name nearest to a mistyped one, for "did you mean" hints.</summary>
internal static class NameSuggestion
{
    /// <summary>" Did you mean 'x'?" when a candidate is close enough, else an empty string.</summary>
    public static string DidYouMean(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(2, given.Length / 3);
        var prefix = best is not null && (best.StartsWith(given, StringComparison.OrdinalIgnoreCase) || given.StartsWith(best, StringComparison.OrdinalIgnoreCase));
        return best is not null && (bestDistance <= allowed || prefix) ? $" Did you mean '{best}'?" : string.Empty;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
