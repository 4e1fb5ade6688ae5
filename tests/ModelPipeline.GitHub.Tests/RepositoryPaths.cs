namespace ModelPipeline.GitHub.Tests;

/// <summary>The repository root (folder with ModelPipeline.sln above the test binaries) and the copied test fixtures.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ModelPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ModelPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
