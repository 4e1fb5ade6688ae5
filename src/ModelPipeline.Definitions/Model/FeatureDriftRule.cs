namespace ModelPipeline.Definitions;

/// <summary>A per-feature drift override; a null threshold means the method's default.</summary>
public sealed record FeatureDriftRule(DriftMethod Method, double? Threshold);
