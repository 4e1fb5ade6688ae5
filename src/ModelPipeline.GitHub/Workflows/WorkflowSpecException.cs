namespace ModelPipeline.GitHub.Workflows;

/// <summary>A workflow declaration that cannot be turned into a valid workflow; the message says what to fix.</summary>
public sealed class WorkflowSpecException(string message) : Exception(message);
