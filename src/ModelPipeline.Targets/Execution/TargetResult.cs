namespace ModelPipeline.Targets;

/// <summary>How one scheduled target ended, as the summary table shows it.</summary>
/// <param name="Name">The target's name.</param>
/// <param name="Outcome">Succeeded, Skipped, Failed, NotRun or Collective.</param>
/// <param name="Reason">Why it was skipped (null otherwise).</param>
/// <param name="Duration">Time spent in its actions.</param>
public sealed record TargetResult(string Name, TargetOutcome Outcome, string? Reason, TimeSpan Duration)
{
    /// <summary>Failed on a mistake in the user's input, whose lines were printed as they are.</summary>
    internal bool InputMistake { get; init; }

    /// <summary>The target logged its skip reason itself (the summary may shorten it).</summary>
    internal bool ReasonLogged { get; init; }
}
