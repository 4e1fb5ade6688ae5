namespace ModelPipeline.Reports;

/// <summary>How a feature's distribution is drawn: numeric bins are ranges, categorical bins are categories.</summary>
public enum FeatureKind
{
    Numeric,
    Categorical,
}
