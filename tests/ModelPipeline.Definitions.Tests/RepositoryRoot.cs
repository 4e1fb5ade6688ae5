namespace ModelPipeline.Definitions.Tests;

/// <summary>The repository's root: the folder above the test binaries that holds ModelPipeline.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "ModelPipeline.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("ModelPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
