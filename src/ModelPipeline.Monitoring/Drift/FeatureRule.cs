namespace ModelPipeline.Monitoring;

/// <summary>A per-feature override of the drift test; a null threshold means the test's default.</summary>
public sealed record FeatureRule(DriftTest Test, double? Threshold = null);
