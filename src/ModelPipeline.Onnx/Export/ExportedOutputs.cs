using ModelPipeline.Onnx.Protobuf;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Export;

/// <summary>
/// Turns raw scores [N, outputs] (double) into the exported model's outputs, as <c>ScoreLink</c> does in process:
/// regression -> <c>variable</c> [N, 1]; classification -> <c>probabilities</c> [N, classes] (logistic for binary,
/// softmax for multiclass) and <c>label</c> [N] (the class name: P(positive) &gt;= 0.5, or the first most probable).
/// </summary>
internal static class ExportedOutputs
{
    public const string Variable = "variable";
    public const string Probabilities = "probabilities";
    public const string Label = "label";

    public static void Declare(OnnxGraph graph, ModelSchema schema, string scores)
    {
        if (schema.Task == TaskKind.Regression)
        {
            graph.Node("Identity", string.Empty, [scores], Variable);
            graph.Output(Variable, TensorElement.Double, [null, 1]);
            return;
        }

        string probabilities, classIndex;
        if (schema.Task == TaskKind.Binary)
        {
            var positive = graph.Node("Sigmoid", [scores]);
            var negative = graph.Node("Sub", [graph.Doubles([1.0], 1), positive]);
            probabilities = graph.Node("Concat", string.Empty, [negative, positive], Probabilities, OnnxAttribute.Int("axis", 1));
            var isPositive = graph.Node("GreaterOrEqual", [positive, graph.Doubles([0.5], 1)]);
            var asIndex = graph.Node("Cast", [isPositive], OnnxAttribute.Int("to", TensorElement.Int64));
            classIndex = graph.Node("Reshape", [asIndex, graph.Int64s([-1], 1)]);
        }
        else
        {
            probabilities = graph.Node("Softmax", string.Empty, [scores], Probabilities, OnnxAttribute.Int("axis", 1));
            classIndex = graph.Node("ArgMax", [probabilities], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0));
        }

        graph.Node("Gather", string.Empty, [graph.Texts([.. schema.Classes], schema.Classes.Count), classIndex], Label, OnnxAttribute.Int("axis", 0));
        graph.Output(Label, TensorElement.String, [null]);
        graph.Output(Probabilities, TensorElement.Double, [null, schema.Classes.Count]);
    }
}
