namespace ModelPipeline.Registry;

/// <summary>
/// Rebuilds the stack of champions from the alias history: a promotion pushes, a rollback pops back to its target,
/// so rolling back twice walks two steps back instead of bouncing between two versions.
/// </summary>
internal static class ChampionChain
{
    public static IReadOnlyList<string> From(IReadOnlyList<AliasMove> history, string current)
    {
        var chain = new List<string>();
        foreach (var move in history.Where(m => m.Alias == ModelRegistry.ChampionAlias))
        {
            if (move.Kind == AliasMoveKind.Rollback)
            {
                while (chain.Count > 0 && chain[^1] != move.To) chain.RemoveAt(chain.Count - 1);
                if (chain.Count == 0) chain.Add(move.To);
            }
            else if (chain.Count == 0 || chain[^1] != move.To)
            {
                chain.Add(move.To);
            }
        }
        // A crash between the aliases.json rename and the history append loses the last line: trust aliases.json.
        if (chain.Count == 0 || chain[^1] != current) chain.Add(current);
        return chain;
    }
}
