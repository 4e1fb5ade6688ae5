namespace ModelPipeline.Definitions;

/// <summary>Performance decay alarm: the metric may not drop by more than <see cref="MaxDrop"/> (absolute).</summary>
public sealed record DecayRule(string Metric, double MaxDrop);
