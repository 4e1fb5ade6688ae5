namespace ModelPipeline.Definitions;

/// <summary>How numeric features are scaled (<c>features.scale</c>).</summary>
public enum Scaling
{
    None,
    Standard,
    MinMax,
}
