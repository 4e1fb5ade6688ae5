namespace ModelPipeline.Onnx.Protobuf;

/// <summary>Encodes ONNX TensorProto messages (initializers and tensor attributes).</summary>
internal static class OnnxTensor
{
    public static ProtoMessage Doubles(string name, IReadOnlyList<double> values, IReadOnlyList<long> dims) =>
        Header(name, TensorElement.Double, dims).PackedDoubles(10, values);

    public static ProtoMessage Int64s(string name, IReadOnlyList<long> values, IReadOnlyList<long> dims) =>
        Header(name, TensorElement.Int64, dims).PackedInts(7, values);

    public static ProtoMessage Texts(string name, IEnumerable<string> values, IReadOnlyList<long> dims)
    {
        var message = Header(name, TensorElement.String, dims);
        foreach (var value in values)
        {
            message.Text(6, value);
        }

        return message;
    }

    private static ProtoMessage Header(string name, int element, IReadOnlyList<long> dims)
    {
        var message = new ProtoMessage();
        if (dims.Count > 0)
        {
            message.PackedInts(1, dims);
        }

        message.Int(2, element);
        return name.Length > 0 ? message.Text(8, name) : message;
    }
}
