namespace ModelPipeline.GitHub;

/// <summary>State of a commit status (the <c>model-gate</c> check on a commit or PR).</summary>
public enum CommitState
{
    Pending,
    Success,
    Failure,
    Error,
}
