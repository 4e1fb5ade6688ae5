namespace ModelPipeline.Registry.Tests;

public sealed class PipelineLockTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Register_LockHeldByAnotherWriter_FailsWithClearMessageAfterTimeout()
    {
        _temp.Open();
        var registry = ModelRegistry.Open(_temp.Root, "churn", new RegistryOptions { LockTimeout = TimeSpan.FromMilliseconds(200) });
        using var held = PipelineLock.TryAcquire(Path.Combine(_temp.PipelineDir(), ".lock"));
        Assert.NotNull(held);

        var e = Assert.Throws<RegistryException>(() => registry.Register(Some.Draft()));

        Assert.Equal("models/churn/.lock: timed out after 0.2 s waiting for the pipeline lock held by another writer; retry when it finishes", e.Message);
        Assert.Empty(registry.ListVersions());
    }

    [Fact]
    public void Open_LockHeld_LeavesTempEntriesOfTheActiveWriterAlone()
    {
        _temp.Open();
        var inProgress = Path.Combine(_temp.PipelineDir(), "versions", ".tmp-active");
        Directory.CreateDirectory(inProgress);
        using (PipelineLock.TryAcquire(Path.Combine(_temp.PipelineDir(), ".lock")))
        {
            _temp.Open();
            Assert.True(Directory.Exists(inProgress));
        }

        _temp.Open();

        Assert.False(Directory.Exists(inProgress));
    }

    [Fact]
    public void TryAcquire_SecondHandle_FailsUntilFirstReleased()
    {
        var path = Path.Combine(_temp.Root, "x.lock");
        var first = PipelineLock.TryAcquire(path);

        Assert.NotNull(first);
        Assert.Null(PipelineLock.TryAcquire(path));
        first.Dispose();
        using var again = PipelineLock.TryAcquire(path);
        Assert.NotNull(again);
    }

    [Fact]
    public void GetVersion_AliasNamesMissingVersion_SaysSo()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "aliases.json"), "{\"champion\": \"3.0.0\"}");

        var e = Assert.Throws<RegistryException>(() => registry.Champion);

        Assert.StartsWith("models/churn/versions/3.0.0/version.json does not exist", e.Message);
    }

    [Fact]
    public void Aliases_CorruptFile_NamesTheFile()
    {
        var registry = _temp.Open();
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "aliases.json"), "{\"champion\": ");

        var e = Assert.Throws<RegistryException>(() => registry.Aliases);

        Assert.StartsWith("models/churn/aliases.json: invalid registry JSON", e.Message);
    }
}
