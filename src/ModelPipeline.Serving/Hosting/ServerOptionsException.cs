namespace ModelPipeline.Serving.Hosting;

/// <summary>A command-line argument or environment variable has a value the server cannot use; one line.</summary>
public sealed class ServerOptionsException(string message) : Exception(message);
