namespace ModelPipeline.Registry.Tests;

/// <summary>The disk fills up during a registry write: the registry is as it was before, and a later write with space succeeds.</summary>
public sealed class DiskFullTests : IDisposable
{
    private readonly SmallFileSystem _disk = SmallFileSystem.Mount(kibibytes: 512);

    public void Dispose() => _disk.Dispose();

    [Fact]
    public void Register_DiskFull_LeavesTheRegistryAsItWasAndSucceedsLater()
    {
        var registry = Open();
        registry.Register(Some.Draft());
        registry.Promote("1.0.0", "test", "first");
        var before = Snapshot();

        var e = Assert.Throws<RegistryException>(() => registry.Register(Some.Draft(config: "config-2", modelBytes: 1 << 20)));

        Assert.Contains("versions/1.0.1: could not write the version", e.Message);
        Assert.Contains("No space left on device", e.Message);
        Assert.Equal(before, Snapshot());
        Assert.Equal("1.0.0", Open().Champion!.Version);

        var next = Open().Register(Some.Draft(config: "config-2", modelBytes: 64 << 10));
        Assert.Equal("1.0.1", next.Version);
        Assert.Equal(Some.Draft(modelBytes: 64 << 10).Model, Open().ReadModel(next));
    }

    [Fact]
    public void Promote_DiskFull_KeepsTheChampionAndSucceedsLater()
    {
        var registry = Open();
        registry.Register(Some.Draft());
        registry.Register(Some.Draft(config: "config-2"));
        registry.Promote("1.0.0", "test", "first");
        var before = Snapshot();
        var filler = _disk.Fill();

        var e = Assert.Throws<RegistryException>(() => registry.Promote("1.0.1", "test", "second"));

        Assert.StartsWith("models/churn/aliases.json: could not move 'champion' to 1.0.1 (No space left on device", e.Message);
        Assert.EndsWith("it still points at 1.0.0", e.Message);

        Assert.Equal(before, Snapshot());
        Assert.Equal("1.0.0", Open().Champion!.Version);
        File.Delete(filler);
        Open().Promote("1.0.1", "test", "second");
        Assert.Equal("1.0.1", Open().Champion!.Version);
    }

    private ModelRegistry Open() => ModelRegistry.Open(Path.Combine(_disk.Path, "models"), "churn");

    /// <summary>Every file under the registry with its bytes, the filler aside.</summary>
    private SortedDictionary<string, string> Snapshot() => new(
        Directory.GetFiles(Path.Combine(_disk.Path, "models"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(_disk.Path, f), f => Convert.ToHexString(File.ReadAllBytes(f))),
        StringComparer.Ordinal);
}
