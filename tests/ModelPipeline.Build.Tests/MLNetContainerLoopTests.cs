using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// churn-mlnet (an ML.NET LightGBM trainer) through the whole loop against the real Docker engine and the tests' own
/// registry: retrain, evaluate, compare, image from the ML.NET server host, smoke test, push; then Monitor on the
/// ML.NET champion's profile.
/// </summary>
[Collection(TestRegistryCollection.Name)]
public sealed class MLNetContainerLoopTests(TestRegistryFixture registry)
{
    [Fact]
    public void PushAndProfile_ChurnMLNet_PushesTheMLNetServerImage_ThenMonitorReadsItsProfile()
    {
        ContainerLoopTests.RequireServices();
        using var workspace = new PipelineWorkspace();
        var repository = $"{registry.Namespace}/churn-mlnet-loop-test";
        workspace.Edit("pipelines/churn-mlnet.yaml", "repository: modelpipeline/churn-mlnet", $"repository: {repository}");

        var (exit, output) = workspace.Build(new Dictionary<string, string?> { ["REGISTRY"] = registry.Address }, "Push", "Profile", "--pipeline", "churn-mlnet");

        Assert.True(exit == 0, output);
        Assert.Contains("Model server ModelPipeline.Serving.MLNet", output);
        Assert.Contains("Smoke test passed", output);
        var models = ModelRegistry.Open(workspace.Models, "churn-mlnet");
        Assert.Equal("mlnet", Assert.Single(models.ListVersions()).ModelKind);
        var image = Assert.Single(models.Images());
        Assert.StartsWith("sha256:", image.Digest);
        Assert.Contains($"{registry.Address}/{repository}@{image.Digest}", image.Reference);
        Assert.True(File.Exists(Path.Combine(workspace.Root, "artifacts", "churn-mlnet", "profile.json")), output);

        workspace.ScaleColumn("data/churn.csv", "monthly_charges", 1.3);
        (exit, output) = workspace.Build("Monitor", "--pipeline", "churn-mlnet", "--batch", "data/churn.csv", "--no-retrain");

        Assert.True(exit == 0, output);
        var markdown = File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn-mlnet", "drift.md"));
        Assert.Contains("monthly_charges", markdown);
        Assert.Contains("anomaly rate: ", markdown);
    }
}
