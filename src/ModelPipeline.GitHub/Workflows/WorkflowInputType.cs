namespace ModelPipeline.GitHub.Workflows;

/// <summary>The <c>type</c> of a <c>workflow_dispatch</c> input.</summary>
public enum WorkflowInputType
{
    String,
    Boolean,
    Number,
    Choice,
}
