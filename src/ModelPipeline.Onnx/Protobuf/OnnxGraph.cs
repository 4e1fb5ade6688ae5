namespace ModelPipeline.Onnx.Protobuf;

/// <summary>
/// Builds an ONNX graph (GraphProto) node by node and writes the ModelProto around it: IR version 8, opsets
/// ai.onnx 15 and ai.onnx.ml 3 (what onnx 1.12 and OnnxRuntime both read). Every value name is made unique here.
/// </summary>
internal sealed class OnnxGraph
{
    public const long IrVersion = 8;
    public const long OnnxOpset = 15;
    public const long MlOpset = 3;
    public const string MlDomain = "ai.onnx.ml";

    private readonly List<ProtoMessage> _nodes = [];
    private readonly List<ProtoMessage> _initializers = [];
    private readonly List<ProtoMessage> _inputs = [];
    private readonly List<ProtoMessage> _outputs = [];
    private int _next;

    /// <summary>Adds a graph input of shape [N, 1] (N rows, named "N").</summary>
    public string Input(string name, int element)
    {
        _inputs.Add(ValueInfo(name, element, [null, 1]));
        return name;
    }

    /// <summary>Declares <paramref name="name"/> a graph output of the given element type and shape (null = N rows).</summary>
    public void Output(string name, int element, long?[] shape) => _outputs.Add(ValueInfo(name, element, shape));

    public string Doubles(double[] values, params long[] dims) => AddInitializer(name => OnnxTensor.Doubles(name, values, dims));

    public string Int64s(long[] values, params long[] dims) => AddInitializer(name => OnnxTensor.Int64s(name, values, dims));

    public string Texts(string[] values, params long[] dims) => AddInitializer(name => OnnxTensor.Texts(name, values, dims));

    /// <summary>Adds a node of the default domain with one output and returns that output's name.</summary>
    public string Node(string op, string[] inputs, params OnnxAttribute[] attributes) => Node(op, string.Empty, inputs, null, attributes);

    /// <summary>Adds a node; its one output is named <paramref name="output"/> (a fresh name when null).</summary>
    public string Node(string op, string domain, string[] inputs, string? output, params OnnxAttribute[] attributes)
    {
        var name = output ?? Fresh(op);
        var node = new ProtoMessage();
        foreach (var input in inputs)
        {
            node.Text(1, input);
        }

        node.Text(2, name).Text(3, Fresh(op + "_node")).Text(4, op);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute.Message);
        }

        if (domain.Length > 0)
        {
            node.Text(7, domain);
        }

        _nodes.Add(node);
        return name;
    }

    /// <summary>The ModelProto bytes, with <paramref name="metadata"/> as metadata_props (in the given order).</summary>
    public byte[] ToModel(string graphName, string producerVersion, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var graph = new ProtoMessage();
        _nodes.ForEach(n => graph.Message(1, n));
        graph.Text(2, graphName);
        _initializers.ForEach(t => graph.Message(5, t));
        _inputs.ForEach(i => graph.Message(11, i));
        _outputs.ForEach(o => graph.Message(12, o));
        var model = new ProtoMessage()
            .Int(1, IrVersion)
            .Text(2, "ModelPipeline")
            .Text(3, producerVersion)
            .Message(7, graph)
            .Message(8, new ProtoMessage().Text(1, string.Empty).Int(2, OnnxOpset))
            .Message(8, new ProtoMessage().Text(1, MlDomain).Int(2, MlOpset));
        foreach (var (key, value) in metadata)
        {
            model.Message(14, new ProtoMessage().Text(1, key).Text(2, value));
        }

        return model.ToArray();
    }

    private string AddInitializer(Func<string, ProtoMessage> tensor)
    {
        var name = Fresh("const");
        _initializers.Add(tensor(name));
        return name;
    }

    private string Fresh(string stem) => $"mp.{stem}_{_next++}";

    private static ProtoMessage ValueInfo(string name, int element, long?[] shape)
    {
        var dims = new ProtoMessage();
        foreach (var dim in shape)
        {
            dims.Message(1, dim is { } size ? new ProtoMessage().Int(1, size) : new ProtoMessage().Text(2, "N"));
        }

        var tensor = new ProtoMessage().Int(1, element).Message(2, dims);
        return new ProtoMessage().Text(1, name).Message(2, new ProtoMessage().Message(1, tensor));
    }
}
