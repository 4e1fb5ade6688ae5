namespace ModelPipeline.Build;

/// <summary>One gate check as recorded in decision.json.</summary>
internal sealed record CheckEntry(string Name, bool Passed, string Detail);
