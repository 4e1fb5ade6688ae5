namespace ModelPipeline.Containers.Publishing;

/// <summary>How the server is published: self-contained single file for <see cref="Runtime"/>, trimmed (TrimMode=partial) by default.</summary>
public sealed record ServerPublishOptions(string Runtime = "linux-x64", string Configuration = "Release", bool Trimmed = true)
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
