using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ModelPipeline.Registry;

/// <summary>Git-friendly JSON: snake_case names, keys sorted ordinally at every level, two-space indent, LF line ends.</summary>
internal static class RegistryJson
{
    private static readonly JsonSerializerOptions Model = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        AllowDuplicateProperties = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Pretty, key-sorted UTF-8 bytes ending with a newline.</summary>
    public static byte[] ToPrettyBytes<T>(T value) =>
        Encoding.UTF8.GetBytes(Sorted(JsonSerializer.SerializeToNode(value, Model))!.ToJsonString(Pretty) + "\n");

    /// <summary>One compact, key-sorted line without the newline (for .jsonl files).</summary>
    public static string ToLine<T>(T value) => Sorted(JsonSerializer.SerializeToNode(value, Model))!.ToJsonString(Compact);

    /// <summary>Any JSON text re-emitted as one compact line with sorted keys; throws <see cref="JsonException"/> when invalid.</summary>
    public static string NormalizeToLine(string json) => Sorted(JsonNode.Parse(json))?.ToJsonString(Compact) ?? "null";

    public static T Parse<T>(string json, string displayPath) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Model)
                ?? throw new RegistryException($"{displayPath}: file holds JSON null");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // ArgumentException: a key twice in one object.
            throw new RegistryException($"{displayPath}: invalid registry JSON ({e.Message})", e);
        }
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray(a.Select(v => Sorted(v?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
