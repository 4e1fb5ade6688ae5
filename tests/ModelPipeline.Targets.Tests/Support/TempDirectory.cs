namespace ModelPipeline.Targets.Tests;

/// <summary>Fresh folders under the system temp directory (no <c>.nuke/</c> above them).</summary>
internal static class TempDirectory
{
    /// <summary>An empty folder shared by tests that write nothing.</summary>
    public static readonly string Shared = Create();

    public static string Create() => Directory.CreateTempSubdirectory("mp-targets-").FullName;
}
