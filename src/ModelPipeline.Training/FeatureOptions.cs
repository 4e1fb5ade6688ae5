namespace ModelPipeline.Training;

/// <summary>
/// How linear trainers turn a frame into numbers: imputation of missing values, scaling of numeric columns and
/// one-hot encoding of categorical ones. Fitted on the training rows only and saved inside the model.
/// Tree trainers ignore imputation and scaling (they bin values and route missing values per split).
/// </summary>
public sealed record FeatureOptions
{
    /// <summary>How a missing numeric value is filled: <c>mean</c>, <c>median</c>, <c>most_frequent</c> or <c>zero</c>.</summary>
    public string NumericImpute { get; init; } = "median";

    /// <summary>How a missing category is filled: <c>most_frequent</c>, or <c>unknown</c> (the unknown-category bucket).</summary>
    public string CategoricalImpute { get; init; } = "most_frequent";

    /// <summary>How numeric columns are scaled: <c>standard</c>, <c>minmax</c> or <c>none</c>.</summary>
    public string Scale { get; init; } = "standard";

    /// <summary>
    /// The most one-hot levels a categorical column keeps (the most frequent ones); rarer levels and levels first
    /// seen at prediction time share the unknown-category bucket.
    /// </summary>
    public int MaxCategories { get; init; } = 100;
}
