namespace ModelPipeline.Containers;

/// <summary>The Docker engine refused or failed an operation; the message says what and why.</summary>
public sealed class ContainerEngineException(string message, Exception? inner = null) : Exception(message, inner);
