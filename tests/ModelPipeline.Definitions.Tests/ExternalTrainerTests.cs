namespace ModelPipeline.Definitions.Tests;

/// <summary>trainer.type onnx_file (a model in the repository) and command (an external training command).</summary>
public sealed class ExternalTrainerTests
{
    private const string OnnxFile = """
        task: binary
        data:
          files: [data/x.csv]
          label: y
        trainer:
          type: onnx_file
          path: models/x.onnx
        """;

    private const string Command = """
        task: binary
        data:
          files: [data/x.csv]
          label: y
        trainer:
          type: command
          command: /usr/bin/python3 train.py
          timeout_seconds: 90
          params: { c: 0.5 }
        """;

    [Fact]
    public void Load_OnnxFile_ReadsThePath()
    {
        using var workspace = new PipelineWorkspace();
        Directory.CreateDirectory(Path.Combine(workspace.Root, "models"));
        File.WriteAllBytes(Path.Combine(workspace.Root, "models", "x.onnx"), [8, 1]);

        var definition = workspace.Load(OnnxFile);

        Assert.Equal((TrainerType.OnnxFile, "models/x.onnx", true), (definition.Trainer.Type, definition.Trainer.Path, definition.Trainer.IsExternal));
    }

    [Fact]
    public void Load_OnnxFileMissing_SaysSo()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(OnnxFile);

        Assert.Equal($"pipelines/x.yaml:7:9: trainer.path: ONNX file 'models/x.onnx' does not exist (relative to {workspace.Root})", error);
    }

    [Fact]
    public void Load_OnnxFileWithoutPath_SaysWhatIsExpected()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(OnnxFile.Replace("\n  path: models/x.onnx", "", StringComparison.Ordinal));

        Assert.Equal("pipelines/x.yaml:5:1: trainer.path: required key is missing; expected an ONNX model file relative to the repository root", error);
    }

    [Fact]
    public void Load_Command_ReadsCommandTimeoutAndParams()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(Command);

        Assert.Equal(("/usr/bin/python3 train.py", 90.0), (definition.Trainer.Command, definition.Trainer.TimeoutSeconds));
        Assert.Equal(["c"], definition.Trainer.Params.Keys);
    }

    [Fact]
    public void Load_CommandAptPackages_ReadAndKeptOutOfTheConfigHash()
    {
        using var workspace = new PipelineWorkspace();
        var with = Command.Replace("  timeout_seconds: 90", "  timeout_seconds: 90\n  apt_packages: [python3-sklearn, python3-onnx]", StringComparison.Ordinal);

        var definition = workspace.Load(with);

        Assert.Equal(["python3-sklearn", "python3-onnx"], definition.Trainer.AptPackages);
        Assert.Empty(workspace.Load(Command).Trainer.AptPackages);
        Assert.Equal(workspace.Load(Command).ConfigHash, definition.ConfigHash);
    }

    [Fact]
    public void Load_AptPackageNotADebianName_SaysSo()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Command.Replace("  timeout_seconds: 90", "  timeout_seconds: 90\n  apt_packages: [\"x; rm -rf /\"]", StringComparison.Ordinal));

        Assert.Equal("pipelines/x.yaml:9:18: trainer.apt_packages: 'x; rm -rf /' is not a Debian package name (lower-case letters, digits, '+', '-', '.'; at least two characters, starting with a letter or digit)", error);
    }

    [Fact]
    public void Load_CommandChanged_ChangesTheConfigHash()
    {
        using var workspace = new PipelineWorkspace();

        var before = workspace.Load(Command).ConfigHash;
        var after = workspace.Load(Command.Replace("train.py", "train2.py", StringComparison.Ordinal)).ConfigHash;

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Load_CommandKeysUnderABuiltInTrainer_AreErrors()
    {
        using var workspace = new PipelineWorkspace();

        var errors = workspace.Errors(PipelineWorkspace.Minimal + "\n  command: make model\n  path: m.onnx\n").Select(e => e.ToString()).ToArray();

        Assert.Contains("pipelines/x.yaml:7:12: trainer.command: applies only to trainer.type command", errors);
        Assert.Contains("pipelines/x.yaml:8:9: trainer.path: applies only to trainer.type onnx_file", errors);
    }

    [Fact]
    public void Load_SearchWithACommand_IsAnError()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Command + "\nsearch:\n  space: { c: [0.1, 1.0] }\n");

        Assert.Equal("pipelines/x.yaml:11:3: search: applies only to built-in trainers; trainer.type command tunes its own parameters", error);
    }
}
