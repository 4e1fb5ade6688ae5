namespace ModelPipeline.Registry;

public sealed partial class ModelRegistry
{
    /// <summary>The current champion version, or null when none has been promoted.</summary>
    public ModelVersion? Champion => TryGetAlias(ChampionAlias, out var version) ? version : null;

    /// <summary>All aliases (alias -> version), sorted by alias.</summary>
    public IReadOnlyDictionary<string, string> Aliases => ReadAliases();

    /// <summary>Resolves <paramref name="alias"/>; false when the alias is not set.</summary>
    public bool TryGetAlias(string alias, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelVersion? version)
    {
        version = ReadAliases().TryGetValue(alias, out var target) ? ReadVersionFile(target) : null;
        return version is not null;
    }

    /// <summary>
    /// Points <paramref name="alias"/> at an existing, verified <paramref name="version"/>: aliases.json is replaced atomically
    /// (temp file + fsync + rename) and then the move is appended to history.jsonl. Returns the move (From == To when it already pointed there; nothing is recorded then).
    /// </summary>
    public AliasMove SetAlias(string alias, string version, string actor, string reason)
    {
        RegistryNames.ValidateAlias(alias);
        using var held = Lock();
        return MoveAlias(alias, GetVersion(version), actor, reason, AliasMoveKind.Set);
    }

    /// <summary>Makes <paramref name="version"/> the champion (<see cref="SetAlias"/> with <c>champion</c>).</summary>
    public AliasMove Promote(string version, string actor, string reason) => SetAlias(ChampionAlias, version, actor, reason);

    /// <summary>
    /// Moves the champion back: to <paramref name="to"/> when given, otherwise to the champion before the current one
    /// according to the history (successive rollbacks walk further back). Throws when there is no champion or no previous one.
    /// </summary>
    public AliasMove Rollback(string actor, string reason, string? to = null)
    {
        using var held = Lock();
        return MoveAlias(ChampionAlias, RollbackTarget(to), actor, reason, AliasMoveKind.Rollback);
    }

    /// <summary>
    /// The version <see cref="Rollback"/> would make champion: <paramref name="to"/> when given, otherwise the champion before
    /// the current one. Throws when there is no champion or no previous one.
    /// </summary>
    public ModelVersion RollbackTarget(string? to = null)
    {
        var current = ReadAliases().GetValueOrDefault(ChampionAlias)
            ?? throw new RegistryException($"pipeline '{Pipeline}' has no champion to roll back; promote a version first");
        if (to is not null)
        {
            return GetVersion(to);
        }

        var chain = ChampionChain.From(AliasHistory(), current);
        if (chain.Count < 2)
            throw new RegistryException(
                $"pipeline '{Pipeline}' has no previous champion to roll back to (champion {current} is the first); name a version with --to");
        return GetVersion(chain[^2]);
    }

    /// <summary>Every alias move, oldest first (a line torn by a crash is left out).</summary>
    public IReadOnlyList<AliasMove> AliasHistory() =>
        JsonLines.ReadCompleteLines(_paths.History)
            .Select((line, i) => ReadMove(line, $"{_paths.Display(_paths.History)}:{i + 1}"))
            .ToArray();

    private static AliasMove ReadMove(string line, string place)
    {
        var move = RegistryJson.Parse<AliasMove>(line, place);
        return string.IsNullOrWhiteSpace(move.Alias) || string.IsNullOrWhiteSpace(move.To)
            ? throw new RegistryException($"{place}: damaged alias move (no alias or no target version); refusing to read the history")
            : move;
    }

    // Crash order: the version directory exists before any alias names it (Register renamed it earlier and it is
    // verified here); aliases.json is swapped by one rename, so readers see the old or the new map; the history line
    // follows the rename, so a crash in between loses at most that line (ChampionChain tolerates it).
    private AliasMove MoveAlias(string alias, ModelVersion target, string actor, string reason, AliasMoveKind kind)
    {
        Verify(target);
        var aliases = ReadAliases();
        var from = aliases.GetValueOrDefault(alias);
        var move = new AliasMove(_options.Time.GetUtcNow(), alias, from, target.Version, actor, reason, kind);
        if (from == target.Version) return move;
        aliases[alias] = target.Version;
        try
        {
            DurableFile.Replace(_paths.Aliases, SealedJson.ToBytes(aliases));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistryException(
                $"{_paths.Display(_paths.Aliases)}: could not move '{alias}' to {target.Version} ({e.Message}); it still points at {from ?? "no version"}", e);
        }

        JsonLines.Append(_paths.History, RegistryJson.ToLine(move));
        return move;
    }

    private SortedDictionary<string, string> ReadAliases()
    {
        if (!File.Exists(_paths.Aliases)) return new(StringComparer.Ordinal);
        var map = SealedJson.ReadFile<Dictionary<string, string>>(_paths.Aliases, _paths.Display(_paths.Aliases));
        return new(map, StringComparer.Ordinal);
    }
}
