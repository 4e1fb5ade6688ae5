namespace ModelPipeline.Definitions;

/// <summary>Feature preparation: imputation, scaling and one-hot encoding.</summary>
/// <param name="MaxCategories">Most frequent levels kept per categorical column; rarer ones go to the unknown bucket.</param>
public sealed record FeatureSection(
    NumericImputation NumericImpute,
    CategoricalImputation CategoricalImpute,
    Scaling Scale,
    int MaxCategories);
