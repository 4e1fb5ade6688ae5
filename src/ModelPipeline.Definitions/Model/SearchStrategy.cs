namespace ModelPipeline.Definitions;

/// <summary>How hyperparameter candidates are chosen (<c>search.strategy</c>).</summary>
public enum SearchStrategy
{
    Grid,
    Random,
}
