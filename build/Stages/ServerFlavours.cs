using ModelPipeline.Containers.Publishing;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// Which model server an image gets, by the registered version's model kind: the built-in server carries no ML.NET
/// (or OnnxRuntime), so a kind that needs extra assemblies has its own host project that registers the kind and runs
/// the same server (ModelPipeline.Serving's <c>Program.Main</c>). One row per kind; a kind not listed cannot be served.
/// </summary>
internal static class ServerFlavours
{
    /// <summary>model_kind -> the server project (relative to the repository root) whose published executable serves it.</summary>
    private static readonly Dictionary<string, string> Projects = new(StringComparer.Ordinal)
    {
        [ModelKinds.BuiltIn] = ServerPublishOptions.ProjectPath,
        ["mlnet"] = "src/ModelPipeline.Serving.MLNet/ModelPipeline.Serving.MLNet.csproj",
        ["onnx"] = "src/ModelPipeline.Serving.Onnx/ModelPipeline.Serving.Onnx.csproj",
    };

    /// <summary>The model kinds an image can be built for, sorted.</summary>
    public static IReadOnlyList<string> Kinds => [.. Projects.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The publish options for <paramref name="modelKind"/>'s server (null or empty: builtin).</summary>
    /// <exception cref="InvalidOperationException">No server project serves that kind.</exception>
    public static ServerPublishOptions For(string? modelKind)
    {
        var kind = string.IsNullOrEmpty(modelKind) ? ModelKinds.BuiltIn : modelKind;
        if (!Projects.TryGetValue(kind, out var project))
        {
            throw new InvalidOperationException($"no model server serves model kind '{kind}' (build/Stages/ServerFlavours.cs lists: {string.Join(", ", Kinds)})");
        }

        return kind == ModelKinds.BuiltIn
            ? ServerPublishOptions.Default
            : ServerPublishOptions.Default with { Project = project, Executable = Path.GetFileNameWithoutExtension(project) };
    }

    /// <summary>Where <paramref name="modelKind"/>'s server is published (the built-in one keeps .tmp/server-publish).</summary>
    public static string PublishDirectory(string sourceRoot, string? modelKind) =>
        Path.Combine(sourceRoot, ".tmp", string.IsNullOrEmpty(modelKind) || modelKind == ModelKinds.BuiltIn ? "server-publish" : $"server-publish-{modelKind}");

    /// <summary>The image's entrypoint for that server.</summary>
    public static string Entrypoint(ServerPublishOptions options) => "/app/" + options.Executable;
}
