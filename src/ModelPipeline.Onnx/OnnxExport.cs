using System.Text.Json;
using ModelPipeline.Onnx.Export;
using ModelPipeline.Onnx.Protobuf;
using ModelPipeline.Training;
using ModelPipeline.Training.Linear;
using ModelPipeline.Training.Trees;

namespace ModelPipeline.Onnx;

/// <summary>
/// Writes a built-in model as an ONNX model (docs/model-format.md): its fitted featurization and its weights or
/// trees, with inputs named after the schema's columns and outputs <c>label</c> + <c>probabilities</c>
/// (classification) or <c>variable</c> (regression). The same model gives the same bytes.
/// </summary>
public static class OnnxExport
{
    /// <summary>The metadata key holding the task ("binary", "multiclass" or "regression").</summary>
    public const string TaskKey = "modelpipeline.task";

    /// <summary>The metadata key holding the label column's name.</summary>
    public const string LabelKey = "modelpipeline.label";

    /// <summary>The metadata key holding the classes in the order of the probability columns (a JSON array of strings).</summary>
    public const string ClassesKey = "modelpipeline.classes";

    public static byte[] ToBytes(TrainedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = new OnnxGraph();
        var inputs = ExportedInputs.Declare(graph, model.Schema);
        var scores = model.Body switch
        {
            LinearModelBody linear => LinearGraph.Scores(graph, model.Schema, linear, inputs),
            TreeEnsembleBody trees => TreeGraph.Scores(graph, model.Schema, trees, inputs),
            var other => throw new NotSupportedException($"no ONNX export for {other.GetType().Name}"),
        };
        ExportedOutputs.Declare(graph, model.Schema, scores);
        var version = typeof(OnnxExport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return graph.ToModel(model.TrainerType, version, Metadata(model));
    }

    private static IEnumerable<KeyValuePair<string, string>> Metadata(TrainedModel model)
    {
        yield return new(TaskKey, model.Schema.Task.ToString().ToLowerInvariant());
        yield return new(LabelKey, model.Schema.Label);
        if (model.Schema.Task != TaskKind.Regression)
        {
            yield return new(ClassesKey, JsonSerializer.Serialize([.. model.Schema.Classes], OnnxJsonContext.Default.StringArray));
        }

        yield return new("modelpipeline.trainer", model.TrainerType);
        foreach (var (name, value) in model.Parameters)
        {
            yield return new("modelpipeline.parameter." + name, value);
        }
    }
}
