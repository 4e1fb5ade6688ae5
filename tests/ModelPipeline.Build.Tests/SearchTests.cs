using System.Text.Json;

namespace ModelPipeline.Build.Tests;

/// <summary>A pipeline with a `search` section: Retrain picks hyperparameters by cross-validation and records every trial.</summary>
public sealed class SearchTests
{
    [Fact]
    public void Retrain_GridSearchInPipeline_TrainsWithTheBestParametersAndRecordsTrials()
    {
        using var workspace = new PipelineWorkspace();
        var yaml = Path.Combine(workspace.Root, "pipelines", "churn.yaml");
        File.AppendAllText(yaml, "\nsearch:\n  strategy: grid\n  folds: 3\n  parallelism: 2\n  space: { l2: [0.001, 1.0] }\n");

        var (exit, output) = workspace.Build("Retrain");

        Assert.True(exit == 0, output);
        Assert.Contains("Best of 2 trials", output);
        using var search = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "search.json")));
        Assert.Equal(2, search.RootElement.GetProperty("trials").GetArrayLength());
        var best = search.RootElement.GetProperty("best_parameters").GetProperty("l2").GetString();
        using var retrain = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "retrain.json")));
        var used = retrain.RootElement.GetProperty("parameters").GetProperty("l2").GetString();
        Assert.Equal(double.Parse(best!, System.Globalization.CultureInfo.InvariantCulture), double.Parse(used!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
