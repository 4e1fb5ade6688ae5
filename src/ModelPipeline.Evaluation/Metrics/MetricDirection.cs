namespace ModelPipeline.Evaluation;

/// <summary>Which way a metric improves.</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
