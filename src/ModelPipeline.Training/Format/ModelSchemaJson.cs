using System.Text.Json;
using ModelPipeline.Data;

namespace ModelPipeline.Training.Format;

/// <summary>
/// A <see cref="ModelSchema"/> as JSON, for model kinds whose own file format does not carry it (an ML.NET zip keeps
/// it as an extra entry, an ONNX file can keep it in its metadata): <c>{"format":1,"task":"binary","label":"churn",
/// "classes":["0","1"],"inputs":[{"name":"tenure","kind":"numeric","categories":[]}, …]}</c>.
/// </summary>
public static class ModelSchemaJson
{
    private const int Format = 1;

    public static byte[] Write(ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("task", schema.Task.ToString().ToLowerInvariant());
            json.WriteString("label", schema.Label);
            WriteStrings(json, "classes", schema.Classes);
            json.WriteStartArray("inputs");
            foreach (var input in schema.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("name", input.Name);
                json.WriteString("kind", input.KindName);
                WriteStrings(json, "categories", input.Categories);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="ModelFormatException">Not a schema of a format this version understands.</exception>
    public static ModelSchema Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes.ToArray());
            var root = document.RootElement;
            var format = root.GetProperty("format").GetInt32();
            if (format > Format)
            {
                throw new ModelFormatException($"model schema format {format} is newer than this ModelPipeline understands ({Format})");
            }

            var task = Enum.Parse<TaskKind>(root.GetProperty("task").GetString()!, ignoreCase: true);
            var inputs = root.GetProperty("inputs").EnumerateArray().Select(i => new InputColumn(
                i.GetProperty("name").GetString()!,
                Enum.Parse<ColumnKind>(i.GetProperty("kind").GetString()!, ignoreCase: true),
                Strings(i.GetProperty("categories")))).ToArray();
            return new ModelSchema(task, root.GetProperty("label").GetString()!, Strings(root.GetProperty("classes")), inputs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ModelFormatException($"the model's schema is not readable: {e.Message}", e);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
