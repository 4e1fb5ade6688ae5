namespace ModelPipeline.Containers.Publishing;

/// <summary>dotnet publish of the server failed; the message carries the first errors it printed.</summary>
public sealed class ServerPublishException(string message, Exception? inner = null) : Exception(message, inner);
