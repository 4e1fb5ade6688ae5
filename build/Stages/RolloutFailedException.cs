namespace ModelPipeline.Build;

/// <summary>A Kubernetes rollout that did not complete and was undone; the message names the reason in one line.</summary>
internal sealed class RolloutFailedException(string message) : Exception(message);
