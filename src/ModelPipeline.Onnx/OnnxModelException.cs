namespace ModelPipeline.Onnx;

/// <summary>A file is not an ONNX model OnnxRuntime can load, or its outputs do not fit the pipeline's task.</summary>
public sealed class OnnxModelException(string message, Exception? inner = null) : Exception(message, inner);
