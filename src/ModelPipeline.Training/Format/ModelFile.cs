using System.Security.Cryptography;
using System.Text;
using ModelPipeline.Data;
using ModelPipeline.Training.Options;

namespace ModelPipeline.Training.Format;

/// <summary>
/// The model file (docs/model-format.md): magic, format version, schema, trainer type, parameters, the trainer's
/// body, then a SHA-256 of everything before it. Little-endian BinaryWriter encoding; deterministic bytes.
/// </summary>
internal static class ModelFile
{
    public const int FormatVersion = 2;

    private const int HashLength = 32;

    private static readonly byte[] Magic = "MPMODEL\0"u8.ToArray();

    public static byte[] Write(TrainedModel model)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(model.TrainerType);
            WriteSchema(writer, model.Schema);
            writer.Write(model.Parameters.Count);
            foreach (var (name, value) in model.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(name);
                writer.Write(value);
            }

            model.Body.Write(writer);

            // Format 2: what exact attributions need (tree covers, feature means), after the body so that the layout
            // before it is format 1's.
            model.Body.WriteExplanationData(writer);
        }

        var content = buffer.ToArray();
        var result = new byte[content.Length + HashLength];
        content.CopyTo(result, 0);
        SHA256.HashData(content, result.AsSpan(content.Length));
        return result;
    }

    public static TrainedModel Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 4 + HashLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelFormatException("This is not a ModelPipeline model file (its first bytes are not the 'MPMODEL' magic).");
        }

        var version = BitConverter.ToInt32(bytes, Magic.Length);
        if (version > FormatVersion)
        {
            throw new ModelFormatException(
                $"model file format version {version} is newer than this ModelPipeline understands ({FormatVersion}); upgrade ModelPipeline to load it.");
        }

        if (version < 1)
        {
            throw new ModelFormatException($"model file format version {version} is not valid; the file is corrupt.");
        }

        var contentLength = bytes.Length - HashLength;
        if (!SHA256.HashData(bytes.AsSpan(0, contentLength)).AsSpan().SequenceEqual(bytes.AsSpan(contentLength)))
        {
            throw new ModelFormatException("The model file is corrupt: its SHA-256 checksum does not match its content.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length + 4, contentLength - Magic.Length - 4), Encoding.UTF8);
            var trainerType = reader.ReadString();
            var trainer = TrainerCatalog.All.FirstOrDefault(t => t.Name == trainerType)
                ?? throw new ModelFormatException($"The model file names trainer '{trainerType}', which this ModelPipeline does not know.");
            var schema = ReadSchema(reader);
            var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
            for (var count = ReadCount(reader); count > 0; count--)
            {
                parameters[reader.ReadString()] = reader.ReadString();
            }

            var body = trainer.Read(reader, schema);
            if (version >= 2)
            {
                body.ReadExplanationData(reader);
            }

            return new TrainedModel(schema, trainerType, parameters, body);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or InvalidDataException or IndexOutOfRangeException or OverflowException)
        {
            throw new ModelFormatException($"The model file is corrupt: {e.Message}", e);
        }
    }

    public static int ReadCount(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count is >= 0 and <= 100_000_000 ? count : throw new InvalidDataException($"bad count {count}");
    }

    private static void WriteSchema(BinaryWriter writer, ModelSchema schema)
    {
        writer.Write((int)schema.Task);
        writer.Write(schema.Label);
        WriteStrings(writer, schema.Classes);
        writer.Write(schema.Inputs.Count);
        foreach (var input in schema.Inputs)
        {
            writer.Write(input.Name);
            writer.Write((int)input.Kind);
            WriteStrings(writer, input.Categories);
        }
    }

    private static ModelSchema ReadSchema(BinaryReader reader)
    {
        var task = (TaskKind)reader.ReadInt32();
        if (!Enum.IsDefined(task))
        {
            throw new InvalidDataException($"unknown task {(int)task}");
        }

        var label = reader.ReadString();
        var classes = ReadStrings(reader);
        var inputs = new InputColumn[ReadCount(reader)];
        for (var i = 0; i < inputs.Length; i++)
        {
            var name = reader.ReadString();
            var kind = (ColumnKind)reader.ReadInt32();
            inputs[i] = Enum.IsDefined(kind) ? new InputColumn(name, kind, ReadStrings(reader)) : throw new InvalidDataException($"unknown column kind {(int)kind}");
        }

        return new ModelSchema(task, label, classes, inputs);
    }

    public static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static string[] ReadStrings(BinaryReader reader)
    {
        var values = new string[ReadCount(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }
}
