namespace ModelPipeline.Registry.Tests;

/// <summary>
/// Registry files damaged on disk (truncated, a flipped bit, emptied): each read names the damaged file, and what
/// is not damaged stays usable.
/// </summary>
public sealed class CorruptFileTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Damages => ["truncate", "flip", "empty", "garbage"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void OtherVersionJsonDamaged_ChampionAndListingStayUsable(string damage)
    {
        var registry = TwoVersionsWithChampionOnSecond();
        Damage(Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "version.json"), damage);

        var reopened = _temp.Open();

        Assert.Equal("1.0.1", reopened.Champion!.Version);
        Assert.Equal(reopened.Champion.Sha256, registry.GetVersion("1.0.1").Sha256);
        var e = Assert.ThrowsAny<RegistryException>(() => reopened.GetVersion("1.0.0"));
        Assert.Contains("versions/1.0.0/version.json", e.Message);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void ChampionVersionJsonDamaged_NamesTheFile(string damage)
    {
        TwoVersionsWithChampionOnSecond();
        Damage(Path.Combine(_temp.PipelineDir(), "versions", "1.0.1", "version.json"), damage);

        var reopened = _temp.Open();

        var e = Assert.ThrowsAny<RegistryException>(() => reopened.Champion);
        Assert.Contains("versions/1.0.1/version.json", e.Message);
        Assert.Equal("1.0.0", reopened.GetVersion("1.0.0").Version);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void AliasesJsonDamaged_NamesTheFileAndVersionsStayUsable(string damage)
    {
        TwoVersionsWithChampionOnSecond();
        var aliases = Directory.GetFiles(_temp.PipelineDir(), "aliases.json", SearchOption.AllDirectories).Single();
        Damage(aliases, damage);

        var reopened = _temp.Open();

        var e = Assert.ThrowsAny<RegistryException>(() => reopened.Champion);
        Assert.Contains("aliases.json", e.Message);
        Assert.Equal("1.0.0", reopened.GetVersion("1.0.0").Version);
        Assert.Equal("1.0.1", reopened.GetVersion("1.0.1").Version);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void ModelBinDamaged_RefusedNamingTheFile(string damage)
    {
        TwoVersionsWithChampionOnSecond();
        Damage(Path.Combine(_temp.PipelineDir(), "versions", "1.0.1", "model.bin"), damage);

        var reopened = _temp.Open();

        var e = Assert.Throws<RegistryIntegrityException>(() => reopened.ReadModel(reopened.Champion!));
        Assert.Contains("versions/1.0.1/model.bin: sha256 mismatch", e.Message);
        Assert.Equal(Some.Draft().Model, reopened.ReadModel(reopened.GetVersion("1.0.0")));
    }

    [Fact]
    public void AliasesJsonWrittenBeforeSeals_IsRead()
    {
        TwoVersionsWithChampionOnSecond();
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "aliases.json"), "{\n  \"champion\": \"1.0.0\"\n}\n");

        Assert.Equal("1.0.0", _temp.Open().Champion!.Version);
    }

    [Fact]
    public void SealKeyDamaged_IsRefusedNotReadAsAnAlias()
    {
        TwoVersionsWithChampionOnSecond();
        var path = Path.Combine(_temp.PipelineDir(), "aliases.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("#sha256", "#sha2v6", StringComparison.Ordinal));

        var e = Assert.ThrowsAny<RegistryException>(() => _temp.Open().Champion);

        Assert.Equal("models/churn/aliases.json: damaged (its '#sha256' seal is not intact); refusing to load", e.Message);
    }

    /// <summary>Fuzz finds: a history line without its target version, and an unsealed aliases.json with a key twice.</summary>
    [Fact]
    public void HistoryLineWithoutTarget_NamesTheLine()
    {
        TwoVersionsWithChampionOnSecond();
        var path = Path.Combine(_temp.PipelineDir(), "history.jsonl");
        File.WriteAllLines(path, [.. File.ReadAllLines(path).Select((line, i) => i == 1 ? line.Replace("\"to\":\"1.0.1\"", "\"to\":null", StringComparison.Ordinal) : line)]);

        var e = Assert.Throws<RegistryException>(() => _temp.Open().RollbackTarget());

        Assert.Equal("models/churn/history.jsonl:2: damaged alias move (no alias or no target version); refusing to read the history", e.Message);
    }

    [Fact]
    public void AliasesJsonWithAKeyTwice_IsInvalidRegistryJson()
    {
        TwoVersionsWithChampionOnSecond();
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "aliases.json"), "{\"champion\": \"1.0.0\", \"champion\": \"1.0.1\"}\n");

        var e = Assert.ThrowsAny<RegistryException>(() => _temp.Open().Champion);

        Assert.StartsWith("models/churn/aliases.json: invalid registry JSON", e.Message);
    }

    private ModelRegistry TwoVersionsWithChampionOnSecond()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        var second = registry.Register(Some.Draft(config: "config-2"));
        registry.Promote("1.0.0", "test", "first");
        registry.Promote(second.Version, "test", "second");
        return registry;
    }

    private static void Damage(string path, string damage)
    {
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncate":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "flip":
                bytes[bytes.Length / 3] ^= 0x20;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            default:
                File.WriteAllBytes(path, [0xFF, 0xFE, 0x00, 0x7B, 0x7B]);
                break;
        }
    }
}
