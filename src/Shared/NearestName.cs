namespace ModelPipeline;

/// <summary>
/// "Did you mean" for a misspelt name (a target, a parameter, a YAML key, a trainer option): the candidate at the
/// smallest case-insensitive optimal-string-alignment distance (insert, delete, substitute, swap adjacent), ties to
/// the ordinally first, when it is within max(2, length/3) edits or one name starts with the other.
/// Compiled into each project that suggests names (a linked source file, so no project depends on another for it).
/// </summary>
internal static class NearestName
{
    /// <summary>The closest candidate when it is a likely typo; otherwise null.</summary>
    public static string? Find(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is null || input.Length == 0)
        {
            return null;
        }

        var prefix = best.StartsWith(input, StringComparison.OrdinalIgnoreCase) || input.StartsWith(best, StringComparison.OrdinalIgnoreCase);
        return bestDistance <= Math.Max(2, input.Length / 3) || prefix ? best : null;
    }

    /// <summary>Edits needed to turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
