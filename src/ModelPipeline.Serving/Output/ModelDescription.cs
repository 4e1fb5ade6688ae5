using System.Text.Json;
using System.Text.Json.Serialization;
using ModelPipeline.Serving.Model;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Output;

/// <summary>The body of <c>GET /model</c>: the manifest, the schema (inputs in the order row lists use) and the classes.</summary>
public sealed record ModelDescription(
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("lineage")] JsonElement? Lineage,
    [property: JsonPropertyName("decision")] string? Decision,
    [property: JsonPropertyName("created")] string? Created,
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes,
    [property: JsonPropertyName("inputs")] IReadOnlyList<InputDescription> Inputs)
{
    public static ModelDescription Of(ServedModel served)
    {
        var schema = served.Schema;
        var manifest = served.Manifest;
        return new ModelDescription(
            manifest.Pipeline,
            manifest.Version,
            manifest.Sha256,
            manifest.Lineage,
            manifest.Decision,
            manifest.Created,
            served.Model.TrainerType,
            schema.Task.ToString().ToLowerInvariant(),
            schema.Label,
            schema.Classes,
            [.. schema.Inputs.Select(i => new InputDescription(i.Name, i.KindName, i.Categories))]);
    }
}

/// <summary>One model input in <c>GET /model</c>: name, kind (numeric, categorical, boolean) and training levels.</summary>
public sealed record InputDescription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories);
