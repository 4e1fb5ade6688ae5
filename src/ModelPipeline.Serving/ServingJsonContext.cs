using System.Text.Json.Serialization;
using ModelPipeline.Serving.Model;
using ModelPipeline.Serving.Output;

namespace ModelPipeline.Serving;

/// <summary>Source-generated JSON metadata: the server is trimmed, so no reflection-based serialization.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ModelManifest))]
[JsonSerializable(typeof(ModelDescription))]
[JsonSerializable(typeof(VersionDescription))]
[JsonSerializable(typeof(string))]
internal sealed partial class ServingJsonContext : JsonSerializerContext;
