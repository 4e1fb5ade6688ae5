using System.Security.Cryptography;
using System.Text.Json;
using ModelPipeline.Serving.Output;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Model;

/// <summary>
/// The model a server answers with: the model file (<c>model.bin</c>, or the file and kind <c>model.json</c> names,
/// read through <see cref="ModelKinds"/>) and its verified manifest.
/// </summary>
public sealed class ServedModel
{
    public const string ModelFileName = "model.bin";
    public const string ManifestFileName = "model.json";

    public ServedModel(IScoringModel model, ModelManifest manifest)
    {
        Model = model;
        Manifest = manifest;
    }

    public IScoringModel Model { get; }

    public ModelManifest Manifest { get; }

    public ModelSchema Schema => Model.Schema;

    /// <summary>
    /// Reads <c>model.json</c> and the model file it names (default <c>model.bin</c>) from <paramref name="directory"/>
    /// and refuses a model whose sha256 differs from the manifest's or whose kind this server cannot read.
    /// </summary>
    /// <exception cref="ModelLoadException">A file is missing or unreadable, or the checksum does not match.</exception>
    public static ServedModel Load(string directory)
    {
        var jsonPath = Path.Combine(directory, ManifestFileName);
        if (!Directory.Exists(directory))
        {
            throw new ModelLoadException($"Model directory '{Path.GetFullPath(directory)}' does not exist (set --model-dir or MODEL_DIR).");
        }

        if (!File.Exists(jsonPath))
        {
            throw new ModelLoadException($"Model directory '{Path.GetFullPath(directory)}' has no {ManifestFileName}.");
        }

        var manifest = ReadManifest(jsonPath);
        var binPath = Path.Combine(directory, string.IsNullOrWhiteSpace(manifest.File) ? ModelFileName : Path.GetFileName(manifest.File));
        if (!File.Exists(binPath))
        {
            throw new ModelLoadException($"Model directory '{Path.GetFullPath(directory)}' has no {Path.GetFileName(binPath)}.");
        }

        var bytes = File.ReadAllBytes(binPath);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, manifest.Sha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelLoadException(
                $"Refusing to serve: sha256 of {binPath} is {actual} but {ManifestFileName} says {manifest.Sha256} (model {manifest.Pipeline} {manifest.Version}).");
        }

        try
        {
            return new ServedModel(ModelKinds.Load(manifest.Kind, bytes), manifest);
        }
        catch (ModelFormatException e)
        {
            throw new ModelLoadException($"Refusing to serve: {binPath} is not a readable model: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a model directory the server can load: the model file (<paramref name="modelBytes"/>, named as
    /// <paramref name="manifest"/>'s kind and file say, default <c>model.bin</c>) and <c>model.json</c>
    /// (<paramref name="manifest"/> with its sha256 set from the bytes). Returns the manifest written.
    /// </summary>
    public static ModelManifest WriteDirectory(string directory, byte[] modelBytes, ModelManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(modelBytes);
        ArgumentNullException.ThrowIfNull(manifest);
        Directory.CreateDirectory(directory);
        var written = manifest with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(modelBytes)) };
        File.WriteAllBytes(Path.Combine(directory, string.IsNullOrWhiteSpace(written.File) ? ModelFileName : written.File), modelBytes);
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
