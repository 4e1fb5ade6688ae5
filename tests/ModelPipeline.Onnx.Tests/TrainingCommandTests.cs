using ModelPipeline.Onnx.Command;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Tests;

/// <summary>trainer.type: command: the example scikit-learn script, and each way a command can fail (one line each).</summary>
public sealed class TrainingCommandTests
{
    private static readonly TrainingRequest Churn = new(TaskKind.Binary, "churn", ["0", "1"], 42, new Dictionary<string, string> { ["c"] = "1.0" });

    [Fact]
    public void Run_ScikitLearnExample_WritesAnOnnxModelThatSeparatesTheClasses()
    {
        DebianPackages.RequirePythonTraining();
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var command = new TrainingCommand("/usr/bin/python3 examples/sklearn/train_churn.py", TimeSpan.FromMinutes(5));
        var printed = new List<string>();

        var bytes = command.Run(train, Churn, TestData.RepositoryRoot, printed.Add);

        using var model = OnnxModel.Load(bytes, TaskKind.Binary, ["0", "1"]);
        var predictions = model.Predict(holdout);
        var targets = holdout["churn"].Numbers!;
        var accuracy = Enumerable.Range(0, targets.Length).Count(i => predictions.Values[i] == targets[i]) / (double)targets.Length;
        Assert.True(accuracy > 0.78, $"holdout accuracy {accuracy:0.0000}");
        Assert.Contains(printed, line => line.StartsWith("fitted LogisticRegression(C=1.0)", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_CommandFails_ShowsExitCodeAndTheTailOfStderr()
    {
        var error = Assert.Throws<TrainingCommandException>(() => Run("echo 'Traceback (most recent call last):' >&2; echo 'ValueError: bad C' >&2; exit 3"));

        Assert.Equal("trainer command `echo 'Traceback (most recent call last):' >&2; echo 'ValueError: bad C' >&2; exit 3` exited with code 3: Traceback (most recent call last): | ValueError: bad C", error.Message);
    }

    [Fact]
    public void Run_PastTheTimeLimit_IsKilledWithItsChildren()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"mp-cmd-{Guid.NewGuid():N}");
        var error = Assert.Throws<TrainingCommandException>(() => Run($"sleep 2 && touch {marker} & wait", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("ran past its time limit of 0.3 s and was killed", error.Message);
        Thread.Sleep(2500);
        Assert.False(File.Exists(marker), "a child of the command outlived the kill");
    }

    [Fact]
    public void Run_NoOutputFile_SaysSo()
    {
        var error = Assert.Throws<TrainingCommandException>(() => Run("echo done"));

        Assert.Contains("exited with code 0 but wrote no model to $MP_OUTPUT", error.Message);
    }

    [Fact]
    public void Run_OutputIsNotOnnx_SaysSo()
    {
        var error = Assert.Throws<OnnxModelException>(() => Run("echo 'not a model' > \"$MP_OUTPUT\""));

        Assert.StartsWith("trainer command `echo 'not a model' > \"$MP_OUTPUT\"` wrote 12 bytes to $MP_OUTPUT, but not a valid ONNX model", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Run_ModelInputsAreNotTheDataColumns_ListsBoth()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var renamed = new ModelPipeline.Data.Frame([.. train.Columns.Select(c => c.Name == "tenure" ? RenamedColumn(c, "tenure_months") : c)]);
        var other = ModelTrainer.Fit(renamed, new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()));
        var file = Path.Combine(Path.GetTempPath(), $"mp-other-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(file, OnnxExport.ToBytes(other));
        try
        {
            var error = Assert.Throws<ModelSchemaException>(() => new TrainingCommand($"cp {file} \"$MP_OUTPUT\"", TimeSpan.FromMinutes(1)).Run(train, Churn, TestData.RepositoryRoot));

            Assert.Contains("the ONNX model's inputs do not match the data's columns: input 'tenure_months' has no column", error.Message);
            Assert.Contains("Model inputs: female (double[N, 1]),", error.Message);
            Assert.Contains("tenure_months (double[N, 1])", error.Message);
            Assert.Contains("Data columns: female, senior_citizen, partner, dependents, tenure,", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Run_PassesRowsSeedAndParametersInTheEnvironment()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var error = Assert.Throws<TrainingCommandException>(() => new TrainingCommand(
            "echo \"$MP_TASK $MP_LABEL $MP_CLASSES $MP_SEED $MP_PARAM_C $MP_PARAMS $(wc -l < \"$MP_TRAIN_CSV\") $(head -c 16 \"$MP_TRAIN_CSV\")\" >&2; exit 1",
            TimeSpan.FromMinutes(1)).Run(train, Churn, TestData.RepositoryRoot));

        Assert.True(error.Message.EndsWith($"exited with code 1: binary churn [\"0\",\"1\"] 42 1.0 {{\"c\":\"1.0\"}} {train.RowCount + 1} \"female\",\"senior", StringComparison.Ordinal), error.Message);
    }

    private static void Run(string shell, TimeSpan? limit = null)
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        new TrainingCommand(shell, limit ?? TimeSpan.FromMinutes(1)).Run(train, Churn, TestData.RepositoryRoot);
    }

    private static ModelPipeline.Data.Column RenamedColumn(ModelPipeline.Data.Column column, string name) =>
        ModelPipeline.Data.Column.Numeric(name, column.Numbers!);
}
