namespace ModelPipeline.Evaluation;

/// <summary>Promotion rules that cannot be applied (unknown metric, wrong test for the metric...).</summary>
public sealed class GateRulesException(string message) : Exception(message);
