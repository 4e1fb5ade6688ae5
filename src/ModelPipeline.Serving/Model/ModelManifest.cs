using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelPipeline.Serving.Model;

/// <summary>
/// <c>model.json</c> next to the model file: which pipeline and version the bytes are, their sha256 (hex), the
/// lineage (any JSON, passed through to <c>GET /model</c>), the promotion decision and when it was made, and the
/// model's kind and file name (absent: <c>builtin</c> in <c>model.bin</c>).
/// </summary>
public sealed record ModelManifest(
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("lineage")] JsonElement? Lineage = null,
    [property: JsonPropertyName("decision")] string? Decision = null,
    [property: JsonPropertyName("created")] string? Created = null,
    [property: JsonPropertyName("kind"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Kind = null,
    [property: JsonPropertyName("file"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null);
