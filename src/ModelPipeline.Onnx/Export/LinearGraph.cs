using ModelPipeline.Onnx.Protobuf;
using ModelPipeline.Training;
using ModelPipeline.Training.Linear;

namespace ModelPipeline.Onnx.Export;

/// <summary>
/// A linear model as ONNX: per input the fitted featurization (numeric: fill missing, subtract the center, divide by
/// the scale; categorical: one-hot over the kept levels plus the unknown bucket), concatenated in the design
/// matrix's order, then scores = X · Wᵀ + b.
/// </summary>
internal static class LinearGraph
{
    public static string Scores(OnnxGraph graph, ModelSchema schema, LinearModelBody body, string[] inputs)
    {
        var featurizer = body.Featurizer;
        var columns = new List<string>();
        var firstSlot = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (featurizer.Numeric[i] is { } numeric)
            {
                var missing = graph.Node("IsNaN", [inputs[i]]);
                var filled = graph.Node("Where", [missing, graph.Doubles([numeric.Fill], 1), inputs[i]]);
                var centered = graph.Node("Sub", [filled, graph.Doubles([numeric.Center], 1)]);
                columns.Add(graph.Node("Div", [centered, graph.Doubles([numeric.Scale], 1)]));
                firstSlot = numeric.Feature + 1;
            }
            else
            {
                var oneHot = featurizer.OneHot[i]!;
                var first = firstSlot;
                var width = oneHot.Width(first);
                var slot = ExportedInputs.Encode(graph, inputs[i], schema.Inputs[i].Categories, c => oneHot.SlotOf[c] - first, oneHot.MissingSlot - first, oneHot.UnknownSlot - first);
                var hot = graph.Node("Equal", [slot, graph.Int64s([.. Enumerable.Range(0, width).Select(s => (long)s)], width)]);
                columns.Add(graph.Node("Cast", [hot], OnnxAttribute.Int("to", TensorElement.Double)));
                firstSlot = first + width;
            }
        }

        var features = featurizer.FeatureCount;
        var design = columns.Count == 1 ? columns[0] : graph.Node("Concat", [.. columns], OnnxAttribute.Int("axis", 1));
        var transposed = new double[features * body.Outputs];
        for (var o = 0; o < body.Outputs; o++)
        {
            for (var f = 0; f < features; f++)
            {
                transposed[(f * body.Outputs) + o] = body.Weights[(o * features) + f];
            }
        }

        var product = graph.Node("MatMul", [design, graph.Doubles(transposed, features, body.Outputs)]);
        return graph.Node("Add", [product, graph.Doubles(body.Intercepts, body.Outputs)]);
    }
}
