namespace ModelPipeline.Evaluation;

/// <summary>The shape of a search dimension.</summary>
public enum SearchDimensionKind
{
    Choice,
    Uniform,
    LogUniform,
    Integer,
}
