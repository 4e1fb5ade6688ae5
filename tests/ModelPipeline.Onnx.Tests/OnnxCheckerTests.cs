using System.Diagnostics;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Tests;

/// <summary>The exported files pass the ONNX project's own checker (Debian's python3-onnx 1.12, full check with shape inference).</summary>
public sealed class OnnxCheckerTests
{
    [Theory]
    [InlineData("churn.csv", "churn", TaskKind.Binary, "gradient_boosting")]
    [InlineData("churn.csv", "churn", TaskKind.Binary, "logistic_regression")]
    [InlineData("satellite.csv", "class", TaskKind.Multiclass, "gradient_boosting")]
    [InlineData("diabetes_progression.csv", "disease_progression", TaskKind.Regression, "linear_regression")]
    public void Export_PassesOnnxChecker(string file, string label, TaskKind task, string trainer)
    {
        var (train, _) = TestData.Split(file, label, task != TaskKind.Regression);
        var spec = new TrainingSpec(task, label, trainer == "gradient_boosting" ? new Dictionary<string, string> { ["max_iterations"] = "10" } : []) { TrainerType = trainer };
        var path = Path.Combine(Path.GetTempPath(), $"mp-onnx-check-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, OnnxExport.ToBytes(ModelTrainer.Fit(train, spec)));
        try
        {
            var (exit, output) = Python($"import onnx, sys; m = onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); print('ok', m.graph.output[0].name)", path);

            Assert.True(exit == 0, output);
            Assert.StartsWith("ok", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Runs Debian's python3 (python3-onnx installs there; ./build.sh Test installs it).</summary>
    internal static (int Exit, string Output) Python(string code, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(code);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
