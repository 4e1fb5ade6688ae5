using ModelPipeline.Data;
using ModelPipeline.Onnx;
using ModelPipeline.Registry;
using ModelPipeline.Training;

namespace ModelPipeline.Build.Tests;

/// <summary>`./build.sh ExportOnnx --version champion` and the model.onnx every registered version carries.</summary>
public sealed class ExportOnnxTests
{
    [Fact]
    public void ExportOnnx_Champion_WritesTheRegisteredOnnxThatPredictsAsTheModel()
    {
        using var workspace = new PipelineWorkspace();
        var first = workspace.Build("CompareWithChampion");
        Assert.True(first.ExitCode == 0, first.Output);

        var (exit, output) = workspace.Build("ExportOnnx", "--version", "champion");

        Assert.True(exit == 0, output);
        Assert.Contains("artifacts/churn/model.onnx", output);
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        var champion = registry.GetVersion("champion");
        var exported = File.ReadAllBytes(Path.Combine(workspace.Root, "artifacts", "churn", "model.onnx"));
        Assert.Equal(registry.ReadAttachment(champion, "model.onnx"), exported);
        var model = TrainedModel.Load(registry.ReadModel(champion));
        var rows = CsvFrameReader.Read(Path.Combine(workspace.Root, "data", "churn.csv"));
        using var onnx = OnnxModel.Load(exported, model.Schema.Task, model.Schema.Classes);
        var expected = model.Predict(rows);
        var actual = onnx.Predict(rows);
        Assert.Equal(expected.Values, actual.Values);
        Assert.True(expected.Probabilities!.Zip(actual.Probabilities!, (e, a) => Math.Abs(e - a)).Max() <= 1e-5);
    }

    [Fact]
    public void ExportOnnx_UnknownVersion_SaysWhichVersionsExist()
    {
        using var workspace = new PipelineWorkspace();
        Assert.Equal(0, workspace.Build("CompareWithChampion").ExitCode);

        var (exit, output) = workspace.Build("ExportOnnx", "--version", "9.9.9", "--output", "out/m.onnx");

        Assert.NotEqual(0, exit);
        Assert.Contains("9.9.9", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "out", "m.onnx")));
    }
}
