namespace ModelPipeline.Training;

/// <summary>What a model predicts.</summary>
public enum TaskKind
{
    Binary,
    Multiclass,
    Regression,
}
