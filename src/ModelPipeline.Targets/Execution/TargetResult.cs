namespace ModelPipeline.Targets;

/// <summary>How one scheduled target ended.</summary>
internal sealed record TargetResult(string Name, TargetOutcome Outcome, string? Reason, TimeSpan Duration);
