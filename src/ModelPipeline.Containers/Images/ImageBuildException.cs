namespace ModelPipeline.Containers.Images;

/// <summary>An image could not be built; the message says which input or step is wrong.</summary>
public sealed class ImageBuildException(string message, Exception? inner = null) : Exception(message, inner);
