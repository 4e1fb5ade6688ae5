namespace ModelPipeline.Definitions;

/// <summary>What a pipeline's model predicts (`task:` in the YAML).</summary>
public enum PipelineTask
{
    Binary,
    Multiclass,
    Regression,
}
