namespace ModelPipeline.Serving.Model;

/// <summary>The model directory cannot be served (missing file, unreadable manifest, checksum mismatch); one line.</summary>
public sealed class ModelLoadException(string message, Exception? inner = null) : Exception(message, inner);
