namespace ModelPipeline.Definitions;

/// <summary>How missing categories are filled (<c>features.impute.categorical</c>).</summary>
public enum CategoricalImputation
{
    /// <summary>The most frequent level seen in training.</summary>
    MostFrequent,

    /// <summary>Treated like an unseen level: the unknown bucket.</summary>
    Unknown,
}
