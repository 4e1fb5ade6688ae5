using System.Text.Encodings.Web;
using System.Text.Json;
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
internal sealed partial class ServingJsonContext : JsonSerializerContext
{
    /// <summary>For responses: only what JSON requires is escaped (no \u0027 for apostrophes, no \u002B for plus).</summary>
    public static ServingJsonContext Readable { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
