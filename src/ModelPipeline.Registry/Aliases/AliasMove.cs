namespace ModelPipeline.Registry;

/// <summary>One line of <c>history.jsonl</c>: an alias moved from one version to another.</summary>
/// <param name="Time">When it moved (UTC).</param>
/// <param name="Alias">The alias, e.g. <c>champion</c>.</param>
/// <param name="From">The version it pointed at before (null when new).</param>
/// <param name="To">The version it points at now.</param>
/// <param name="Actor">Who moved it (user, CI job).</param>
/// <param name="Reason">Why (free text, e.g. the gate decision summary).</param>
/// <param name="Kind">A plain set/promotion or a rollback.</param>
public sealed record AliasMove(
    DateTimeOffset Time,
    string Alias,
    string? From,
    string To,
    string Actor,
    string Reason,
    AliasMoveKind Kind = AliasMoveKind.Set);
