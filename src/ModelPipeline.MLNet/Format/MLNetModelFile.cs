using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using ModelPipeline.Training;
using ModelPipeline.Training.Format;

namespace ModelPipeline.MLNet.Format;

/// <summary>
/// The <c>mlnet</c> model file, <c>model.zip</c>: the zip <c>MLContext.Model.Save</c> writes (loadable by ML.NET
/// itself) plus two entries of ModelPipeline's: <c>ModelPipeline/schema.json</c> (<see cref="ModelSchemaJson"/>) and
/// <c>ModelPipeline/model.json</c> (trainer, parameters, framework). Entries keep ML.NET's order with a fixed time
/// stamp, so the bytes depend only on what ML.NET wrote.
/// </summary>
internal static class MLNetModelFile
{
    public const string SchemaEntry = "ModelPipeline/schema.json";
    public const string InfoEntry = "ModelPipeline/model.json";

    private static readonly DateTimeOffset Stamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Write(MLContext context, ITransformer transformer, DataViewSchema inputSchema, ModelSchema schema,
        string trainerType, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> framework)
    {
        using var saved = new MemoryStream();
        context.Model.Save(transformer, inputSchema, saved);
        saved.Position = 0;
        using var output = new MemoryStream();
        using (var source = new ZipArchive(saved, ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                Add(target, entry.FullName, from);
            }

            Add(target, SchemaEntry, new MemoryStream(ModelSchemaJson.Write(schema)));
            Add(target, InfoEntry, new MemoryStream(Info(trainerType, parameters, framework)));
        }

        return output.ToArray();
    }

    /// <exception cref="ModelFormatException">Not a zip, no ModelPipeline entries, or ML.NET cannot load it.</exception>
    public static (ITransformer Transformer, ModelSchema Schema, string Trainer, SortedDictionary<string, string> Parameters, SortedDictionary<string, string> Framework)
        Read(MLContext context, byte[] bytes)
    {
        ModelSchema schema;
        string trainer;
        SortedDictionary<string, string> parameters, framework;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            schema = ModelSchemaJson.Read(ReadEntry(zip, SchemaEntry));
            using var info = JsonDocument.Parse(ReadEntry(zip, InfoEntry));
            trainer = info.RootElement.GetProperty("trainer").GetString() ?? "";
            parameters = Map(info.RootElement.GetProperty("parameters"));
            framework = Map(info.RootElement.GetProperty("framework"));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ModelFormatException($"not an ML.NET model file of ModelPipeline: {e.Message}", e);
        }

        try
        {
            MLNetComponents.Register(context);
            var transformer = context.Model.Load(new MemoryStream(bytes, writable: false), out _);
            return (transformer, schema, trainer, parameters, framework);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelFormatException($"ML.NET cannot load the model: {e.Message}", e);
        }
    }

    private static void Add(ZipArchive zip, string name, Stream content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Stamp;
        using var to = entry.Open();
        content.CopyTo(to);
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"the zip has no {name} entry");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static byte[] Info(string trainerType, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> framework)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("trainer", trainerType);
            WriteMap(json, "parameters", parameters);
            WriteMap(json, "framework", framework);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static SortedDictionary<string, string> Map(JsonElement element) =>
        new(element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? ""), StringComparer.Ordinal);
}
