namespace ModelPipeline.Containers.Publishing;

/// <summary>
/// How the server is published: self-contained single file for <see cref="Runtime"/>. <see cref="Trimmed"/>
/// (PublishTrimmed, TrimMode=partial) is off by default: measured here, the trimmed server (24 MB image) dies at start
/// with a TypeLoadException in Kestrel's X509 code (X509Certificate2Collection.GetEnumerator trimmed away); the
/// untrimmed one (114 MB image) passes the smoke test.
/// </summary>
public sealed record ServerPublishOptions(string Runtime = "linux-x64", string Configuration = "Release", bool Trimmed = false)
{
    public static ServerPublishOptions Default { get; } = new();

    public const string ProjectPath = "src/ModelPipeline.Serving/ModelPipeline.Serving.csproj";

    public const string ExecutableName = "ModelPipeline.Serving";

    /// <summary>The dotnet publish arguments (after "dotnet").</summary>
    public IReadOnlyList<string> Arguments(string outputDirectory)
    {
        var arguments = new List<string>
        {
            "publish", ProjectPath, "-c", Configuration, "-r", Runtime, "--self-contained",
            "-p:PublishSingleFile=true", "-p:DebugType=none", "-o", outputDirectory, "-nologo",
        };
        if (Trimmed)
        {
            arguments.AddRange(["-p:PublishTrimmed=true", "-p:TrimMode=partial"]);
        }

        return arguments;
    }
}
