namespace ModelPipeline.Build;

/// <summary>
/// The Kubernetes API server could not be reached (refused, reset or closed connection, name or route failure): one line
/// naming the server, the kubeconfig and the reason. Before anything was applied it is a mistake of the setup (exit 2);
/// during a rollout <see cref="KubernetesRollout"/> catches it and tries the undo.
/// </summary>
internal sealed class ClusterUnreachableException(string server, string kubeconfig, string reason)
    : Exception($"cannot reach the Kubernetes API server at {server} (from {kubeconfig}): {reason}")
{
    /// <summary>Why the connection failed, e.g. <c>Connection refused</c>.</summary>
    public string Reason { get; } = reason;
}
