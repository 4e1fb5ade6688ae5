using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModelPipeline.Build;

/// <summary>
/// The files one run of a pipeline hands from target to target under artifacts/&lt;pipeline&gt;/, so that
/// `./build.sh Evaluate` in a later process (or a later CI job) picks up what `./build.sh Retrain` made.
/// </summary>
internal sealed class RunArtifacts(string root, string pipeline)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string Directory { get; } = Path.Combine(root, "artifacts", pipeline);

    public string ChallengerModel => Path.Combine(Directory, "challenger.bin");

    public string RetrainRecord => Path.Combine(Directory, "retrain.json");

    public string SearchFile => Path.Combine(Directory, "search.json");

    public string EvaluationFile => Path.Combine(Directory, "evaluation.json");

    public string DecisionFile => Path.Combine(Directory, "decision.json");

    public string ReportHtml => Path.Combine(Directory, "report.html");

    public string ReportMarkdown => Path.Combine(Directory, "report.md");

    public string ImageRecord => Path.Combine(Directory, "image.json");

    public string PushRecord => Path.Combine(Directory, "push.json");

    public string DeployRecord => Path.Combine(Directory, "deploy.json");

    public string MlflowRecord => Path.Combine(Directory, "mlflow.json");

    public void Write<T>(string path, T value) => WriteBytes(path, JsonSerializer.SerializeToUtf8Bytes(value, Json));

    public void WriteText(string path, string text) => WriteBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Write to a temporary name and rename, so that a crash never leaves half a file.</summary>
    public void WriteBytes(string path, byte[] bytes)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    public T? Read<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json) : null;

    public void Delete(params string[] paths)
    {
        foreach (var path in paths.Where(File.Exists))
        {
            File.Delete(path);
        }
    }
}
