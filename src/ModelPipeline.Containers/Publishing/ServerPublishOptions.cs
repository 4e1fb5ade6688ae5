namespace ModelPipeline.Containers.Publishing;

/// <summary>
/// How the server is published: self-contained single file for <see cref="Runtime"/>, <see cref="Trimmed"/>
/// (PublishTrimmed, TrimMode=partial) by default: a ~30 MB image instead of ~114 MB. The Serving project roots
/// System.Security.Cryptography, without which the trimmer dropped X509Certificate2Collection.GetEnumerator and
/// Kestrel died at start with a TypeLoadException; the trimmed churn image passes the smoke test.
/// <see cref="ReadyToRun"/> (default on) precompiles the code with Crossgen2 (the SDK's implicit
/// Microsoft.NETCore.App.Crossgen2 pack, served here) and compresses the single file: the server JIT-compiled
/// everything at start before (~0.77 s of CPU to the first /ping), now ~0.27 s, at a similar image size.
/// </summary>
public sealed record ServerPublishOptions(string Runtime = "linux-x64", string Configuration = "Release", bool Trimmed = true, bool ReadyToRun = true)
{
    public static ServerPublishOptions Default { get; } = new();

    public const string ProjectPath = "src/ModelPipeline.Serving/ModelPipeline.Serving.csproj";

    public const string ExecutableName = "ModelPipeline.Serving";

    /// <summary>The project to publish, relative to the repository root (the model server unless a benchmark names another).</summary>
    public string Project { get; init; } = ProjectPath;

    /// <summary>The published executable's file name (the project's assembly name).</summary>
    public string Executable { get; init; } = ExecutableName;

    /// <summary>The dotnet publish arguments (after "dotnet").</summary>
    public IReadOnlyList<string> Arguments(string outputDirectory)
    {
        var arguments = new List<string>
        {
            "publish", Project, "-c", Configuration, "-r", Runtime, "--self-contained",
            "-p:PublishSingleFile=true", "-p:DebugType=none", "-o", outputDirectory, "-nologo",
            // Its own bin/obj for the whole project graph: DebugType=none flows to the referenced libraries, and
            // building them into their usual bin/Release removed the .pdb files a concurrent `dotnet test` was copying.
            "--artifacts-path", outputDirectory + ".build",
        };
        if (Trimmed)
        {
            arguments.AddRange(["-p:PublishTrimmed=true", "-p:TrimMode=partial"]);
        }

        if (ReadyToRun)
        {
            arguments.AddRange(["-p:PublishReadyToRun=true", "-p:EnableCompressionInSingleFile=true"]);
        }

        return arguments;
    }
}
