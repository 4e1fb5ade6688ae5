namespace ModelPipeline.Containers.Tests.Support;

/// <summary>The repository root: the first parent of the test binaries that holds ModelPipeline.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ModelPipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no ModelPipeline.sln above {AppContext.BaseDirectory}");
    }
}
