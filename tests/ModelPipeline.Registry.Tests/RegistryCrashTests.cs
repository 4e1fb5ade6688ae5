using Xunit.Abstractions;

namespace ModelPipeline.Registry.Tests;

/// <summary>Kills a real writer process at random moments and checks the registry is never left half-written.</summary>
public sealed class RegistryCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 5;
    private const int ModelBytes = 4 << 20;
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Register_WriterKilledAtRandomMoments_EveryListedVersionCompleteAndChampionVerified()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var staleTemps = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var writer = WriterProcess.Start(_temp.Root, "churn", "loop", 0, ModelBytes, $"w{round}");
            var lines = new WriterOutput(writer);
            // wait until the writer is inside its register/promote loop, then kill it somewhere in the next iterations
            Assert.True(lines.WaitFor(o => o.Registered >= 1, writer, TimeSpan.FromSeconds(30)), $"writer did not start (seed {seed}): {lines.Errors}");
            Assert.False(writer.HasExited, $"writer exited early (seed {seed}): {lines.Errors}");
            Thread.Sleep(random.Next(0, 250));
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit();
            staleTemps += CountTemps();
            output.WriteLine($"round {round}: killed after {lines.Registered} registrations");

            AssertConsistent(seed);
        }
        output.WriteLine($"seed {seed}; kills that left a temp dir or file behind: {staleTemps}");
        Assert.Equal(0, CountTemps()); // Open cleaned them
    }

    private void AssertConsistent(int seed)
    {
        var registry = _temp.Open();
        var versions = registry.ListVersions();
        Assert.NotEmpty(versions);
        foreach (var version in versions)
            registry.Verify(version); // throws RegistryIntegrityException when model.bin or an attachment is incomplete
        var champion = registry.Champion;
        Assert.True(champion is not null, $"no champion after a crash (seed {seed})");
        Assert.Contains(champion.Version, versions.Select(v => v.Version));
        Assert.Equal(ModelBytes, registry.ReadModel(champion).Length);
        Assert.All(registry.AliasHistory(), m => Assert.Contains(m.To, versions.Select(v => v.Version)));
        Assert.All(registry.Decisions(), d => Assert.StartsWith("{\"version\":", d));
        Assert.Equal(versions.Count, versions.Select(v => v.Version).Distinct().Count());
    }

    private int CountTemps()
    {
        var dir = _temp.PipelineDir();
        return Directory.EnumerateFileSystemEntries(dir, ".tmp-*").Count()
            + Directory.EnumerateFileSystemEntries(Path.Combine(dir, "versions"), ".tmp-*").Count();
    }
}
