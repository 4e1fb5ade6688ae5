namespace ModelPipeline.Registry;

/// <summary>A parameter that differs between two versions (null = absent on that side).</summary>
public sealed record ParameterChange(string Name, string? From, string? To);
