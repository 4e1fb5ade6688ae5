using System.Security.Cryptography;
using System.Text.Json;
using ModelPipeline.Serving.Output;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Model;

/// <summary>The model a server answers with: the <see cref="TrainedModel"/> from <c>model.bin</c> and its verified manifest.</summary>
public sealed class ServedModel
{
    public const string ModelFileName = "model.bin";
    public const string ManifestFileName = "model.json";

    public ServedModel(TrainedModel model, ModelManifest manifest)
    {
        Model = model;
        Manifest = manifest;
    }

    public TrainedModel Model { get; }

    public ModelManifest Manifest { get; }

    public ModelSchema Schema => Model.Schema;

    /// <summary>
    /// Reads <c>model.bin</c> and <c>model.json</c> from <paramref name="directory"/> and refuses a model whose
    /// sha256 differs from the manifest's.
    /// </summary>
    /// <exception cref="ModelLoadException">A file is missing or unreadable, or the checksum does not match.</exception>
    public static ServedModel Load(string directory)
    {
        var binPath = Path.Combine(directory, ModelFileName);
        var jsonPath = Path.Combine(directory, ManifestFileName);
        if (!Directory.Exists(directory))
        {
            throw new ModelLoadException($"Model directory '{Path.GetFullPath(directory)}' does not exist (set --model-dir or MODEL_DIR).");
        }

        foreach (var path in (string[])[binPath, jsonPath])
        {
            if (!File.Exists(path))
            {
                throw new ModelLoadException($"Model directory '{Path.GetFullPath(directory)}' has no {Path.GetFileName(path)}.");
            }
        }

        var manifest = ReadManifest(jsonPath);
        var bytes = File.ReadAllBytes(binPath);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, manifest.Sha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                $"Refusing to serve: sha256 of {binPath} is {actual} but {ManifestFileName} says {manifest.Sha256} (model {manifest.Pipeline} {manifest.Version}).");
        }

        try
        {
            return new ServedModel(TrainedModel.Load(bytes), manifest);
        }
        catch (ModelFormatException e)
        {
            throw new ModelLoadException($"Refusing to serve: {binPath} is not a readable model: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a model directory the server can load: <c>model.bin</c> (<paramref name="modelBytes"/>) and
    /// <c>model.json</c> (<paramref name="manifest"/> with its sha256 set from the bytes). Returns the manifest written.
    /// </summary>
    public static ModelManifest WriteDirectory(string directory, byte[] modelBytes, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        var written = manifest with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(modelBytes)) };
        File.WriteAllBytes(Path.Combine(directory, ModelFileName), modelBytes);
        File.WriteAllBytes(Path.Combine(directory, ManifestFileName), JsonSerializer.SerializeToUtf8Bytes(written, ServingJsonContext.Readable.ModelManifest));
        return written;
    }

    private static ModelManifest ReadManifest(string path)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ServingJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new ModelLoadException($"{path} is not valid JSON: {e.Message}", e);
        }

        if (manifest is null || string.IsNullOrWhiteSpace(manifest.Sha256)
            || string.IsNullOrWhiteSpace(manifest.Pipeline) || string.IsNullOrWhiteSpace(manifest.Version))
        {
            throw new ModelLoadException($"{path} must hold \"pipeline\", \"version\" and \"sha256\".");
        }

        return manifest;
    }
}
