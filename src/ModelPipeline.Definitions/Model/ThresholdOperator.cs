namespace ModelPipeline.Definitions;

/// <summary>The comparison of a gate threshold (written >=, >, &lt;=, &lt;).</summary>
public enum ThresholdOperator
{
    AtLeast,
    Above,
    AtMost,
    Below,
}
