using System.Text.Json.Serialization;

namespace ModelPipeline.Serving.Output;

/// <summary>The body of <c>GET /version</c>.</summary>
public sealed record VersionDescription(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("sha256")] string Sha256);
