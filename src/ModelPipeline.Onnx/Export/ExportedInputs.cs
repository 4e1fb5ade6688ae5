using ModelPipeline.Data;
using ModelPipeline.Onnx.Protobuf;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Export;

/// <summary>
/// The graph inputs of an exported model: one [N, 1] tensor per schema input, named after its column: double for
/// numeric and boolean columns (NaN = missing), string for categorical ones (the empty string = missing).
/// </summary>
internal static class ExportedInputs
{
    public static string[] Declare(OnnxGraph graph, ModelSchema schema) =>
        [.. schema.Inputs.Select(input => graph.Input(input.Name, input.Kind == ColumnKind.Categorical ? TensorElement.String : TensorElement.Double))];

    /// <summary>
    /// Maps a categorical input's text to an int64 code: schema category c to <paramref name="codeOf"/>[c], the empty
    /// string (missing) to <paramref name="missing"/> and every other text to <paramref name="unknown"/>.
    /// </summary>
    public static string Encode(OnnxGraph graph, string input, IReadOnlyList<string> categories, Func<int, long> codeOf, long missing, long unknown)
    {
        var keys = new List<string>(categories);
        var values = Enumerable.Range(0, categories.Count).Select(codeOf).ToList();
        if (!keys.Contains(string.Empty))
        {
            keys.Add(string.Empty);
            values.Add(missing);
        }

        return graph.Node("LabelEncoder", OnnxGraph.MlDomain, [input], null,
            OnnxAttribute.Texts("keys_strings", keys),
            OnnxAttribute.Ints("values_int64s", values),
            OnnxAttribute.Int("default_int64", unknown));
    }
}
