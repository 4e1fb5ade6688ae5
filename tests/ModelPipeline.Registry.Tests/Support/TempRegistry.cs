namespace ModelPipeline.Registry.Tests;

/// <summary>A fresh <c>models/</c> folder under the temp directory, deleted on dispose.</summary>
internal sealed class TempRegistry : IDisposable
{
    public TempRegistry()
    {
        Root = Path.Combine(Path.GetTempPath(), "mp-registry-" + Guid.NewGuid().ToString("N")[..8], "models");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public ModelRegistry Open(string pipeline = "churn") =>
        ModelRegistry.Open(Root, pipeline, new RegistryOptions { Time = Clock, LockTimeout = TimeSpan.FromSeconds(30) });

    public string PipelineDir(string pipeline = "churn") => Path.Combine(Root, pipeline);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
        }
        catch (IOException)
        {
            // a killed child may still hold a file for a moment; the temp folder is cleaned by the OS later
        }
    }
}
