namespace ModelPipeline.Containers.Registry;

/// <summary>A push failed; the message names the registry and the reason, e.g. "registry 127.0.0.1:5999 unreachable: connection refused (after 3 tries)".</summary>
public sealed class ImagePushException(string message, Exception? inner = null) : Exception(message, inner);
