namespace ModelPipeline.Definitions;

/// <summary>How missing numbers are filled (<c>features.impute.numeric</c>).</summary>
public enum NumericImputation
{
    Mean,
    Median,
    MostFrequent,
    Zero,
}
