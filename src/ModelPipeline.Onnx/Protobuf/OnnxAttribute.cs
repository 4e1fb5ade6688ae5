namespace ModelPipeline.Onnx.Protobuf;

/// <summary>One attribute of an ONNX node (AttributeProto), already encoded.</summary>
internal sealed class OnnxAttribute
{
    private OnnxAttribute(ProtoMessage message) => Message = message;

    public ProtoMessage Message { get; }

    public static OnnxAttribute Int(string name, long value) => new(Named(name, 2).Int(3, value));

    public static OnnxAttribute Float(string name, float value) => new(Named(name, 1).Float(2, value));

    public static OnnxAttribute Text(string name, string value) => new(Named(name, 3).Text(4, value));

    public static OnnxAttribute Ints(string name, IReadOnlyList<long> values) => new(Named(name, 7).PackedInts(8, values));

    public static OnnxAttribute Floats(string name, IReadOnlyList<float> values) => new(Named(name, 6).PackedFloats(7, values));

    public static OnnxAttribute Texts(string name, IEnumerable<string> values)
    {
        var message = Named(name, 8);
        foreach (var value in values)
        {
            message.Text(9, value);
        }

        return new(message);
    }

    /// <summary>A one-dimensional double tensor (the <c>*_as_tensor</c> attributes of the ONNX-ML tree ensembles).</summary>
    public static OnnxAttribute Doubles(string name, IReadOnlyList<double> values) =>
        new(Named(name, 4).Message(5, OnnxTensor.Doubles(string.Empty, values, [values.Count])));

    private static ProtoMessage Named(string name, int type) => new ProtoMessage().Text(1, name).Int(20, type);
}
