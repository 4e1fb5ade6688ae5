namespace ModelPipeline.Evaluation;

/// <summary>The comparison of an absolute threshold: <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c> or <c>&lt;</c>.</summary>
public enum ThresholdOperator
{
    AtLeast,
    Above,
    AtMost,
    Below,
}
