namespace ModelPipeline.Onnx.Command;

/// <summary>A training command failed: non-zero exit, time limit, no output file. The message is one line.</summary>
public sealed class TrainingCommandException(string message) : Exception(message);
