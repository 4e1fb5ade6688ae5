namespace ModelPipeline.Data.Tests;

/// <summary>The repository root (holds ModelPipeline.sln) and the shared data folder next to it.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Churn => Path.Combine(RepositoryRoot, "data", "churn.csv");

    public static string SharedData => Path.Combine(RepositoryRoot, "..", "shared", "data");

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ModelPipeline.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ModelPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
