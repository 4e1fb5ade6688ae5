namespace ModelPipeline.Registry.Tests;

/// <summary>Several writers registering at once get distinct versions and lose no write.</summary>
public sealed class RegistryConcurrencyTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Register_EightThreadsAtOnce_EightDistinctVerifiedVersions()
    {
        const int writers = 8;
        using var start = new Barrier(writers);

        var registered = Enumerable.Range(0, writers)
            .Select(i => Task.Factory.StartNew(() =>
            {
                var registry = _temp.Open(); // its own instance and lock handle, like another process
                start.SignalAndWait();
                return registry.Register(Some.Draft(config: $"config-{i}", modelBytes: 100_000, seed: i));
            }, TaskCreationOptions.LongRunning))
            .ToArray();
        var results = await Task.WhenAll(registered);

        var registryAfter = _temp.Open();
        var versions = registryAfter.ListVersions();
        Assert.Equal(writers, results.Select(v => v.Version).Distinct().Count());
        Assert.Equal(writers, versions.Count);
        Assert.Equal(Enumerable.Range(0, writers).Select(i => $"1.0.{i}"), versions.Select(v => v.Version));
        Assert.All(versions, v => registryAfter.Verify(v));
        Assert.Equal(writers, versions.Select(v => v.RunId).Distinct().Count());
    }

    [Fact]
    public void Register_FourProcessesAtOnce_AllVersionsDistinctAndVerified()
    {
        const int processes = 4;
        const int each = 3;

        var writers = Enumerable.Range(0, processes)
            .Select(i => WriterProcess.Start(_temp.Root, "churn", "burst", each, 64 << 10, $"p{i}"))
            .ToArray();
        var outputs = writers.Select(w => new WriterOutput(w)).ToArray();
        foreach (var w in writers)
        {
            Assert.True(w.WaitForExit(TimeSpan.FromSeconds(45)), "a writer process hung");
            w.WaitForExit(); // flush redirected output
        }

        for (var i = 0; i < processes; i++)
            Assert.True(writers[i].ExitCode == 0, $"writer p{i} exited with {writers[i].ExitCode}: {outputs[i].Errors}");
        var registry = _temp.Open();
        var versions = registry.ListVersions();
        Assert.Equal(processes * each, versions.Count);
        Assert.Equal(processes * each, versions.Select(v => v.RunId).Distinct().Count());
        Assert.All(versions, v => registry.Verify(v));
        Assert.Equal(processes * each, registry.Decisions().Count);
        Assert.Equal(processes, registry.AliasHistory().Count(m => m.Alias == "champion"));
        Assert.Contains(registry.Champion!.Version, versions.Select(v => v.Version));
        foreach (var w in writers) w.Dispose();
    }
}
