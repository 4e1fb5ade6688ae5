using System.Text.Json.Serialization;

namespace ModelPipeline.Containers;

/// <summary>Source-generated JSON for the few typed shapes the container code serialises.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class ContainerJson : JsonSerializerContext;
