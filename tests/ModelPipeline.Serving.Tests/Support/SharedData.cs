using ModelPipeline.Data;

namespace ModelPipeline.Serving.Tests.Support;

/// <summary>The shared data sets at ../shared/data relative to the repository root.</summary>
internal static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string PathOf(string file) => Path.Combine(RepoRoot, "..", "shared", "data", file);

    public static Frame Read(string file) => CsvFrameReader.Read(PathOf(file));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ModelPipeline.sln above {AppContext.BaseDirectory}.");
    }
}
