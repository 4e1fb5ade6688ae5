namespace ModelPipeline.Evaluation;

/// <summary>How trial parameters are chosen.</summary>
public enum SearchStrategy
{
    /// <summary>Every combination of the listed values, first dimension slowest.</summary>
    Grid,

    /// <summary>Seeded random draws from each dimension, as many as the trial budget.</summary>
    Random,
}
