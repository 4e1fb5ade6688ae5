using ModelPipeline.Serving.Model;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed class ServedModelTests(ChurnServer churn)
{
    [Fact]
    public void Load_Sha256Mismatch_RefusesWithBothHashes()
    {
        var directory = ModelDirectory.Write(churn.Model, sha256: new string('0', 64));

        var error = Assert.Throws<ModelLoadException>(() => ServedModel.Load(directory));

        Assert.StartsWith("Refusing to serve: sha256 of ", error.Message);
        Assert.Contains($"but model.json says {new string('0', 64)} (model churn 1.2.0).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Main_Sha256Mismatch_ExitsNonZeroWithoutListening()
    {
        var directory = ModelDirectory.Write(churn.Model, sha256: new string('a', 64));

        var exitCode = Program.Main(["--model-dir", directory, "--port", "0", "--host", "127.0.0.1"]);

        Assert.Equal(3, exitCode);
    }

    [Fact]
    public void Load_KindThisServerCannotRead_RefusesNamingTheKind()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"));
        ServedModel.WriteDirectory(directory, [1, 2, 3], new ModelManifest("churn", "1.2.0", "", Kind: "tensorflow", File: "model.pb"));

        var error = Assert.Throws<ModelLoadException>(() => ServedModel.Load(directory));

        Assert.True(File.Exists(Path.Combine(directory, "model.pb")));
        Assert.StartsWith("Refusing to serve: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("model kind 'tensorflow' cannot be read by this build (it reads: builtin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_BadOption_ExitsWithCode2()
    {
        Assert.Equal(2, Program.Main(["--port", "eighty"]));
    }

    [Fact]
    public void WriteDirectory_ThenLoad_RoundTripsManifestAndModel()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"));
        var lineage = System.Text.Json.JsonDocument.Parse("""{"run":"42","data":{"churn.csv":"sha256:ab"}}""").RootElement;

        var written = ServedModel.WriteDirectory(directory, churn.Model.ToBytes(),
            new ModelManifest("churn", "2.0.0", string.Empty, lineage, "promoted", "2026-11-22T08:00:00Z"));
        var served = ServedModel.Load(directory);

        Assert.Equal(64, written.Sha256.Length);
        Assert.Equal(("churn", "2.0.0", written.Sha256, "promoted"), (served.Manifest.Pipeline, served.Manifest.Version, served.Manifest.Sha256, served.Manifest.Decision));
        Assert.Equal("42", served.Manifest.Lineage!.Value.GetProperty("run").GetString());
    }

    [Fact]
    public void Load_ModelFileMissing_NamesIt()
    {
        var directory = ModelDirectory.Write(churn.Model);
        File.Delete(Path.Combine(directory, "model.bin"));

        var error = Assert.Throws<ModelLoadException>(() => ServedModel.Load(directory));

        Assert.Equal($"Model directory '{directory}' has no model.bin.", error.Message);
    }

    [Fact]
    public void Load_ManifestWithoutSha256_SaysWhatItNeeds()
    {
        var directory = ModelDirectory.Write(churn.Model);
        File.WriteAllText(Path.Combine(directory, "model.json"), """{"pipeline":"churn","version":"1.2.0"}""");

        var error = Assert.Throws<ModelLoadException>(() => ServedModel.Load(directory));

        Assert.EndsWith("model.json must hold \"pipeline\", \"version\" and \"sha256\".", error.Message);
    }

    [Fact]
    public void Load_MatchingSha256_ServesTheSameModel()
    {
        var served = ServedModel.Load(churn.ModelDirectory);

        Assert.Equal("churn", served.Manifest.Pipeline);
        Assert.Equal(churn.Model.ToBytes(), served.Model.ToBytes());
    }
}
