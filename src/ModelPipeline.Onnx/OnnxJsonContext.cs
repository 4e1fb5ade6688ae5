using System.Text.Json.Serialization;

namespace ModelPipeline.Onnx;

/// <summary>
/// Source-generated JSON for the metadata entries and MP_* variables (class lists, parameter maps): the model server
/// is trimmed and has reflection-based System.Text.Json switched off, and it reads these entries when it loads a model.
/// </summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class OnnxJsonContext : JsonSerializerContext;
