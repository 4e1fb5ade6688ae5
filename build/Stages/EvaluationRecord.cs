namespace ModelPipeline.Build;

/// <summary>evaluation.json: the challenger's holdout metrics.</summary>
internal sealed record EvaluationRecord(string Pipeline, int HoldoutRows, IReadOnlyDictionary<string, double> Metrics);
