using System.Text;

namespace ModelPipeline.Registry.Tests;

public sealed class ModelRegistryTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Register_FirstVersion_WritesOneDirectoryWithModelAndMetadata()
    {
        var registry = _temp.Open();
        var draft = Some.Draft() with
        {
            Attachments = new Dictionary<string, byte[]> { ["evaluation.json"] = "{\"auc\":0.8}"u8.ToArray() },
        };

        var version = registry.Register(draft);

        Assert.Equal("1.0.0", version.Version);
        Assert.Null(version.ParentVersion);
        Assert.Equal("first version", version.BumpReason);
        var dir = Path.Combine(_temp.PipelineDir(), "versions", "1.0.0");
        Assert.Equal(["evaluation.json", "model.bin", "version.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.Equal(draft.Model, File.ReadAllBytes(Path.Combine(dir, "model.bin")));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(draft.Model)), version.Sha256);
        Assert.Equal(draft.Model.Length, version.Size);
    }

    [Fact]
    public void Register_VersionJson_MatchesSnapshot()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft() with
        {
            Attachments = new Dictionary<string, byte[]> { ["evaluation.json"] = "{}"u8.ToArray() },
        });

        var actual = File.ReadAllText(Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "version.json"));

        Snapshot.Match("version.json", actual);
        Assert.DoesNotContain('\r', actual);
    }

    [Fact]
    public void Register_SuccessiveLineages_FollowsBumpRule()
    {
        var registry = _temp.Open();

        var versions = new[]
        {
            registry.Register(Some.Draft()),
            registry.Register(Some.Draft(config: "config-2")),
            registry.Register(Some.Draft(config: "config-2", data: "data-2")),
            registry.Register(Some.Draft(config: "config-2", data: "data-2", schema: "schema-2")),
        }.Select(v => v.Version);

        Assert.Equal(["1.0.0", "1.0.1", "1.1.0", "2.0.0"], versions);
        Assert.Equal("1.1.0", registry.GetVersion("2.0.0").ParentVersion);
    }

    [Fact]
    public void Register_NothingChanged_RefusesUnlessAllowed()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());

        Assert.True(registry.PlanBump(Some.Lineage()).IsUnchanged);
        var e = Assert.Throws<RegistryException>(() => registry.Register(Some.Draft(seed: 2)));
        Assert.Contains("nothing changed since churn 1.0.0", e.Message);
        Assert.Equal("1.0.1", registry.PlanBump(Some.Lineage()).Apply(registry.Latest!.SemVer).ToString());
        Assert.Equal("1.0.1", registry.Register(Some.Draft(seed: 2) with { AllowUnchanged = true }).Version);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Register_NonFiniteMetric_Refuses(double value)
    {
        var registry = _temp.Open();

        var e = Assert.Throws<RegistryException>(() => registry.Register(Some.Draft(auc: value)));

        Assert.Contains("metric 'auc'", e.Message);
        Assert.Empty(registry.ListVersions());
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("model.bin")]
    [InlineData("sub/dir.json")]
    public void Register_BadAttachmentName_Refuses(string name)
    {
        var registry = _temp.Open();
        var draft = Some.Draft() with { Attachments = new Dictionary<string, byte[]> { [name] = [1] } };

        Assert.Throws<RegistryException>(() => registry.Register(draft));
    }

    [Fact]
    public void ListVersions_TenVersions_OrdersBySemVerNotText()
    {
        var registry = _temp.Open();
        for (var i = 0; i < 11; i++) registry.Register(Some.Draft(config: $"c{i}"));

        var names = registry.ListVersions().Select(v => v.Version).ToArray();

        Assert.Equal("1.0.9", names[^2]);
        Assert.Equal("1.0.10", names[^1]);
        Assert.Equal("1.0.10", registry.Latest!.Version);
    }

    [Fact]
    public void ListVersions_TempDirectoryOfAWriterInProgress_IsIgnored()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        Directory.CreateDirectory(Path.Combine(_temp.PipelineDir(), "versions", ".tmp-abc"));
        Directory.CreateDirectory(Path.Combine(_temp.PipelineDir(), "versions", "notes"));

        Assert.Equal(["1.0.0"], registry.ListVersions().Select(v => v.Version));
    }

    [Fact]
    public void Open_StaleTempFromCrashedWriter_IsRemoved()
    {
        _temp.Open();
        var staleDir = Path.Combine(_temp.PipelineDir(), "versions", ".tmp-0123");
        var staleFile = Path.Combine(_temp.PipelineDir(), ".tmp-aliases.json-0123");
        Directory.CreateDirectory(staleDir);
        File.WriteAllText(staleFile, "{");

        _temp.Open();

        Assert.False(Directory.Exists(staleDir));
        Assert.False(File.Exists(staleFile));
    }

    [Fact]
    public void GetVersion_Unknown_SuggestsExistingVersions()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        registry.Register(Some.Draft(data: "data-2"));

        var e = Assert.Throws<RegistryException>(() => registry.GetVersion("1.3.0"));

        Assert.Equal("unknown version 1.3.0 of pipeline 'churn'; existing versions: 1.0.0, 1.1.0", e.Message);
    }

    [Fact]
    public void GetVersion_EmptyRegistry_SaysNoneRegistered()
    {
        var e = Assert.Throws<RegistryException>(() => _temp.Open().GetVersion("champion"));

        Assert.Equal("unknown version or alias 'champion' of pipeline 'churn'; no versions are registered yet", e.Message);
    }

    [Fact]
    public void GetVersion_VPrefixOrAlias_Resolves()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        registry.Promote("1.0.0", "ci", "first");

        Assert.Equal("1.0.0", registry.GetVersion("v1.0.0").Version);
        Assert.Equal("1.0.0", registry.GetVersion("champion").Version);
    }

    [Fact]
    public void ReadModel_Intact_ReturnsBytes()
    {
        var registry = _temp.Open();
        var version = registry.Register(Some.Draft(modelBytes: 10_000));

        Assert.Equal(Some.Draft(modelBytes: 10_000).Model, registry.ReadModel(version));
    }

    [Fact]
    public void ReadModel_TamperedBytes_RefusesWithBothHashes()
    {
        var registry = _temp.Open();
        var version = registry.Register(Some.Draft());
        var path = Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "model.bin");
        var bytes = File.ReadAllBytes(path);
        bytes[10] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var found = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        var e = Assert.Throws<RegistryIntegrityException>(() => registry.ReadModel(version));

        Assert.Equal(
            $"models/churn/versions/1.0.0/model.bin: sha256 mismatch (expected {version.Sha256[..12]}…, found {found[..12]}…); refusing to load",
            e.Message);
        Assert.Equal(found, e.FoundSha256);
    }

    [Fact]
    public void ReadModel_MissingFile_Refuses()
    {
        var registry = _temp.Open();
        var version = registry.Register(Some.Draft());
        File.Delete(Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "model.bin"));

        var e = Assert.Throws<RegistryIntegrityException>(() => registry.ReadModel(version));

        Assert.StartsWith("models/churn/versions/1.0.0/model.bin: file is missing", e.Message);
    }

    [Fact]
    public void ReadAttachment_StoredFile_IsVerified()
    {
        var registry = _temp.Open();
        var version = registry.Register(Some.Draft() with
        {
            Attachments = new Dictionary<string, byte[]> { ["report.html"] = Encoding.UTF8.GetBytes("<html/>") },
        });

        Assert.Equal("<html/>", Encoding.UTF8.GetString(registry.ReadAttachment(version, "report.html")));
        File.WriteAllText(Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "report.html"), "<html>changed</html>");
        Assert.Throws<RegistryIntegrityException>(() => registry.ReadAttachment(version, "report.html"));
        Assert.Contains("has no attachment 'x.json'", Assert.Throws<RegistryException>(() => registry.ReadAttachment(version, "x.json")).Message);
    }

    [Fact]
    public void ListPipelines_SeveralRegistries_SortedNames()
    {
        _temp.Open("churn").Register(Some.Draft());
        _temp.Open("flights");
        Directory.CreateDirectory(Path.Combine(_temp.Root, "not-a-registry"));

        Assert.Equal(["churn", "flights"], ModelRegistry.ListPipelines(_temp.Root));
        Assert.Empty(ModelRegistry.ListPipelines(Path.Combine(_temp.Root, "missing")));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("")]
    [InlineData("a/b")]
    public void Open_BadPipelineName_Refuses(string name)
    {
        var e = Assert.Throws<RegistryException>(() => ModelRegistry.Open(_temp.Root, name));

        Assert.Contains("is not allowed", e.Message);
    }
}
