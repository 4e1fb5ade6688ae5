using System.Text.Json;
using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// ONNX models made outside ModelPipeline go through the same stages as built-in ones: a scikit-learn challenger
/// (trainer.type command) and a built-in champion (and the reverse) are judged in one gate on the same holdout rows;
/// a pre-trained file (onnx_file) retrains only when it or the data changed; every failure is one line and leaves
/// the registry untouched.
/// </summary>
public sealed class OnnxLoopTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    private const string BuiltIn = "  type: logistic_regression\n  params: { l2: 1.0, max_iterations: 500 }";
    private const string Sklearn = "  type: command\n  command: /usr/bin/python3 examples/sklearn/train_churn.py\n  params: { c: 0.5 }";

    [Fact]
    public void CompareWithChampion_BuiltInChampionThenSklearnChallengerThenBuiltInAgain_OneGateOnTheSameRows()
    {
        DebianPackages.RequirePythonTraining();
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", BuiltIn, Sklearn);

        var (exit, output) = workspace.Build("CompareWithChampion");

        Assert.True(exit == 0, output);
        Assert.Contains("Running the training command `/usr/bin/python3 examples/sklearn/train_churn.py`", output);
        Assert.Contains("  | fitted LogisticRegression(C=0.5)", output);
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        var onnx = registry.GetVersion("challenger");
        Assert.Equal(("onnx", "model.onnx", "command"), (onnx.ModelKind, onnx.ModelFile, onnx.Trainer));
        Assert.Equal("0.5", onnx.Parameters["c"]);
        Assert.StartsWith("scikit-learn 1.", onnx.Lineage.Framework!["onnx_producer"], StringComparison.Ordinal);
        Assert.Equal("ai.onnx 15, ai.onnx.ml 3", onnx.Lineage.Framework["onnx_opsets"]);
        // The script is part of the fingerprint: its name appears among the lineage's files.
        Assert.Contains(onnx.Lineage.DataFiles, f => f.Name == "train_churn.py");
        var decision = Decision(workspace);
        Assert.Equal("1.0.0", decision.GetProperty("champion_version").GetString());
        Assert.Equal(registry.GetVersion("1.0.0").Metrics["auc"], decision.GetProperty("champion_value").GetDouble());
        Assert.Equal(onnx.Metrics["auc"], decision.GetProperty("challenger_value").GetDouble());
        Assert.InRange(onnx.Metrics["auc"], 0.80, 0.90);

        var championNow = registry.Champion!.Version;
        workspace.Edit("pipelines/churn.yaml", Sklearn, BuiltIn.Replace("l2: 1.0", "l2: 2.0", StringComparison.Ordinal));
        (exit, output) = workspace.Build("CompareWithChampion");

        Assert.True(exit == 0, output);
        decision = Decision(workspace);
        Assert.Equal(championNow, decision.GetProperty("champion_version").GetString());
        Assert.Equal(ModelRegistry.Open(workspace.Models, "churn").GetVersion(championNow).Metrics["auc"], decision.GetProperty("champion_value").GetDouble());
    }

    [Fact]
    public void Retrain_OnnxFile_UnchangedFileSkipsChangedFileRetrains()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var (exit, output) = workspace.Build("ExportOnnx", "--version", "champion", "--output", "onnx/pretrained.onnx");
        Assert.True(exit == 0, output);
        workspace.Edit("pipelines/churn.yaml", BuiltIn, "  type: onnx_file\n  path: onnx/pretrained.onnx");

        (exit, output) = workspace.Build("CompareWithChampion");
        Assert.True(exit == 0, output);
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        var registered = registry.GetVersion("challenger");
        Assert.Equal(("onnx", "onnx_file"), (registered.ModelKind, registered.Trainer));
        // The same model as the champion, scored by OnnxRuntime on the same rows: the same AUC to 1e-9.
        Assert.Equal(registry.GetVersion("1.0.0").Metrics["auc"], registered.Metrics["auc"], 1e-9);

        (exit, output) = workspace.Build("Retrain");
        Assert.True(exit == 0, output);
        Assert.Contains($"unchanged since {registered.Version}", output);

        // A new doc_string (ModelProto field 6) appended: the same graph, a different file.
        File.AppendAllBytes(Path.Combine(workspace.Root, "onnx", "pretrained.onnx"), [0x32, 0x01, (byte)'x']);
        (exit, output) = workspace.Build("Retrain");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("unchanged since", output);
        Assert.Contains("Reading the pre-trained ONNX model onnx/pretrained.onnx", output);
    }

    [Theory]
    [InlineData("  type: command\n  command: echo 'C must be positive' >&2; exit 3",
        "trainer command `echo 'C must be positive' >&2; exit 3` exited with code 3: C must be positive")]
    [InlineData("  type: command\n  command: sleep 30\n  timeout_seconds: 0.5",
        "trainer command `sleep 30` ran past its time limit of 0.5 s and was killed (trainer.timeout_seconds)")]
    [InlineData("  type: command\n  command: echo 'not a model' > \"$MP_OUTPUT\"",
        "wrote 12 bytes to $MP_OUTPUT, but not a valid ONNX model")]
    [InlineData("  type: onnx_file\n  path: data/churn.csv",
        "pipelines/churn.yaml: trainer.path: data/churn.csv: not a valid ONNX model")]
    public void CompareWithChampion_ExternalTrainerFails_OneLineRegistryUntouched(string trainer, string message)
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", BuiltIn, trainer);

        var (_, output) = workspace.BuildFailingWithRegistryKept("CompareWithChampion");

        var line = Assert.Single(output.Split('\n'), l => l.Contains(message, StringComparison.Ordinal));
        Assert.Contains("Target 'Retrain' failed: ", line);
    }

    [Fact]
    public void CompareWithChampion_OnnxModelReadsColumnsTheDataLacks_ListsModelInputsAndDataColumns()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var (exit, output) = workspace.Build("ExportOnnx", "--version", "champion", "--output", "onnx/pretrained.onnx");
        Assert.True(exit == 0, output);
        workspace.Edit("pipelines/churn.yaml", BuiltIn, "  type: onnx_file\n  path: onnx/pretrained.onnx");
        workspace.Edit("pipelines/churn.yaml", "  label: churn\n", "  label: churn\n  ignore: [tenure]\n");

        (_, output) = workspace.BuildFailingWithRegistryKept("CompareWithChampion");

        var line = Assert.Single(output.Split('\n'), l => l.Contains("pipelines/churn.yaml: trainer.path: onnx/pretrained.onnx: the ONNX model's inputs do not match the data's columns: input 'tenure' has no column", StringComparison.Ordinal));
        Assert.Contains("Model inputs: female (double[N, 1]), ", line);
        Assert.Contains("Data columns: female, senior_citizen, ", line);
    }

    private static JsonElement Decision(PipelineWorkspace workspace) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "decision.json"))).RootElement;
}
