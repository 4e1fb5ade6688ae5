namespace ModelPipeline.Build.Tests;

/// <summary>A champion's registered files damaged on disk: the run stops naming the file and leaves the registry as it was.</summary>
public sealed class DamagedRegistryTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    [Theory]
    [InlineData("profile.json")]
    [InlineData("model.bin")]
    [InlineData("version.json")]
    public void Monitor_ChampionFileBitFlipped_NamesTheFile(string file)
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var version = Directory.GetDirectories(Path.Combine(workspace.Models, "churn", "versions")).Single();
        var path = Path.Combine(version, file);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var (exit, output) = workspace.BuildFailingWithRegistryKept("Monitor", "--batch", "data/churn.csv");

        Assert.Equal(1, exit);
        Assert.Contains($"models/churn/versions/{Path.GetFileName(version)}/{file}: sha256 mismatch", output);
    }
}
