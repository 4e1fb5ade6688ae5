using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using ModelPipeline.Data;
using ModelPipeline.Onnx.Protobuf;
using ModelPipeline.Training;
using ModelPipeline.Training.Format;

namespace ModelPipeline.Onnx;

/// <summary>
/// An ONNX model as the pipeline stores and scores it: the file as the trainer wrote it, followed by metadata
/// entries ModelPipeline appends (<c>modelpipeline.schema</c>, <c>modelpipeline.source</c>,
/// <c>modelpipeline.parameters</c>) so that the stored bytes alone say what the model reads and predicts.
/// </summary>
public sealed class OnnxScoringModel : IScoringModel
{
    public const string SchemaKey = "modelpipeline.schema";
    public const string SourceKey = "modelpipeline.source";
    public const string ParametersKey = "modelpipeline.parameters";

    private readonly byte[] _bytes;
    private readonly OnnxModel _model;

    private OnnxScoringModel(byte[] bytes, OnnxModel model, ModelSchema schema, string trainerType, IReadOnlyDictionary<string, string> parameters)
    {
        var header = OnnxFileHeader.Read(bytes);
        _bytes = bytes;
        _model = model;
        Schema = schema;
        TrainerType = trainerType;
        Parameters = parameters;
        Framework = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["onnx_ir_version"] = header.IrVersion.ToString(CultureInfo.InvariantCulture),
            ["onnx_opsets"] = header.OpsetText,
            ["onnx_producer"] = $"{header.Producer} {header.ProducerVersion}".Trim(),
            ["onnx_inputs"] = string.Join(",", model.InputNames),
            ["onnxruntime_version"] = OrtEnv.Instance().GetVersionString(),
        };
    }

    public string Kind => OnnxModelKind.KindName;

    public ModelSchema Schema { get; }

    public string TrainerType { get; }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    public IReadOnlyDictionary<string, string> Framework { get; }

    /// <summary>
    /// Wraps ONNX bytes a trainer produced for the pipeline's <paramref name="schema"/> (the training frame's columns):
    /// checks that OnnxRuntime loads them and that every model input is a column of the schema, keeps the schema's
    /// inputs the model reads, and appends the metadata that makes the file self-describing.
    /// </summary>
    /// <exception cref="OnnxModelException">Not a valid ONNX model, or no output fits the task.</exception>
    /// <exception cref="ModelSchemaException">A model input is not one of the data's columns (both listed).</exception>
    public static OnnxScoringModel Create(byte[] onnx, ModelSchema schema, Frame train, string trainerType, IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(train);
        string[] inputs;
        using (var probe = OnnxModel.Load(onnx, schema.Task, schema.Classes))
        {
            probe.CheckInputs(train);
            inputs = [.. probe.InputNames];
        }

        var missing = inputs.Where(name => schema.Inputs.All(i => i.Name != name)).ToArray();
        if (missing.Length > 0)
        {
            throw new ModelSchemaException(
                $"the ONNX model reads {string.Join(", ", missing)}, which {(missing.Length == 1 ? "is" : "are")} not an input column of the pipeline (the label or an ignored column); its inputs: {string.Join(", ", inputs)}")
            {
                Columns = missing,
            };
        }

        var kept = schema with { Inputs = [.. schema.Inputs.Where(i => inputs.Contains(i.Name))] };
        var sorted = new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal);
        var appended = new ProtoMessage()
            .Message(14, Entry(SchemaKey, Encoding.UTF8.GetString(ModelSchemaJson.Write(kept))))
            .Message(14, Entry(SourceKey, trainerType))
            .Message(14, Entry(ParametersKey, JsonSerializer.Serialize(sorted, OnnxJsonContext.Default.SortedDictionaryStringString)))
            .ToArray();
        return Load([.. onnx, .. appended]);
    }

    /// <summary>Reads stored bytes (<see cref="Create"/>'s output).</summary>
    /// <exception cref="ModelFormatException">Not an ONNX model, or one without ModelPipeline's metadata.</exception>
    public static OnnxScoringModel Load(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        OnnxModel? model = null;
        try
        {
            var metadata = OnnxModel.ReadMetadata(bytes);
            if (!metadata.TryGetValue(SchemaKey, out var schemaJson))
            {
                throw new ModelFormatException($"the ONNX model has no {SchemaKey} metadata: it was not stored by a ModelPipeline pipeline");
            }

            var schema = ModelSchemaJson.Read(Encoding.UTF8.GetBytes(schemaJson));
            var parameters = metadata.TryGetValue(ParametersKey, out var json)
                ? JsonSerializer.Deserialize(json, OnnxJsonContext.Default.SortedDictionaryStringString) ?? []
                : new SortedDictionary<string, string>();
            model = OnnxModel.Load(bytes, schema.Task, schema.Classes);
            return new OnnxScoringModel(bytes, model, schema, metadata.GetValueOrDefault(SourceKey, "onnx_file"), parameters);
        }
        catch (Exception error) when (error is OnnxModelException or JsonException)
        {
            model?.Dispose();
            throw new ModelFormatException(error.Message, error);
        }
    }

    public Predictions Predict(Frame frame, int? threads) => _model.Predict(frame);

    public byte[] ToBytes() => (byte[])_bytes.Clone();

    private static ProtoMessage Entry(string key, string value) => new ProtoMessage().Text(1, key).Text(2, value);
}
