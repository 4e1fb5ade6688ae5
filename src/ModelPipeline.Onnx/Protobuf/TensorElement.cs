namespace ModelPipeline.Onnx.Protobuf;

/// <summary>The ONNX TensorProto.DataType codes this project writes and reads.</summary>
internal static class TensorElement
{
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;
    public const int String = 8;
    public const int Bool = 9;
    public const int Double = 11;
}
