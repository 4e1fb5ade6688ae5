namespace ModelPipeline.Registry.Tests;

/// <summary>A version records its model file's kind and name; the file is stored under that name and verified on every read.</summary>
public sealed class ModelKindTests : IDisposable
{
    private readonly TempRegistry _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Register_OtherKind_StoresTheFileUnderItsNameAndRecordsTheKind()
    {
        var registry = _temp.Open();
        var draft = Some.Draft() with { ModelKind = "mlnet", ModelFile = "model.zip" };

        var version = registry.Register(draft);

        var dir = Path.Combine(_temp.PipelineDir(), "versions", "1.0.0");
        Assert.Equal(["model.zip", "version.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        var reread = _temp.Open().GetVersion("1.0.0");
        Assert.Equal(("mlnet", "model.zip"), (reread.ModelKind, reread.ModelFile));
        Assert.Equal(draft.Model, registry.ReadModel(version));
        Assert.Contains("\"model_kind\": \"mlnet\"", File.ReadAllText(Path.Combine(dir, "version.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadModel_OtherKindTampered_RefusesNamingItsFile()
    {
        var registry = _temp.Open();
        var version = registry.Register(Some.Draft() with { ModelKind = "onnx", ModelFile = "model.onnx" });
        var path = Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "model.onnx");
        var bytes = File.ReadAllBytes(path);
        bytes[3] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<RegistryIntegrityException>(() => registry.ReadModel(version));

        Assert.StartsWith("models/churn/versions/1.0.0/model.onnx: sha256 mismatch", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadVersion_WrittenBeforeKindsAndSeals_IsBuiltInModelBin()
    {
        var registry = _temp.Open();
        registry.Register(Some.Draft());
        var json = Path.Combine(_temp.PipelineDir(), "versions", "1.0.0", "version.json");
        File.WriteAllLines(json, File.ReadAllLines(json).Where(l => !l.Contains("\"model_", StringComparison.Ordinal) && !l.Contains("\"#sha256\"", StringComparison.Ordinal)));

        var version = _temp.Open().GetVersion("1.0.0");

        Assert.Equal(("builtin", "model.bin"), (version.ModelKind, version.ModelFile));
        Assert.Equal(Some.Draft().Model, _temp.Open().ReadModel(version));
    }

    [Theory]
    [InlineData("model.zip", "model.zip", "attachment name 'model.zip' is not allowed")]
    [InlineData("../model.zip", "x.json", "model file name '../model.zip' is not allowed")]
    [InlineData("version.json", "x.json", "model file name 'version.json' is not allowed")]
    public void Register_ClashingOrUnsafeModelFileName_IsRefusedAndNothingIsWritten(string modelFile, string attachment, string message)
    {
        var registry = _temp.Open();
        var draft = Some.Draft() with
        {
            ModelKind = "mlnet",
            ModelFile = modelFile,
            Attachments = new Dictionary<string, byte[]> { [attachment] = [1] },
        };

        var e = Assert.Throws<RegistryException>(() => registry.Register(draft));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Empty(registry.ListVersions());
    }
}
