using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>The whole loop as a user runs it: first champion, unchanged data skipped, changed data retrained and judged.</summary>
public sealed class LoopTests
{
    [Fact]
    public void CompareWithChampion_FirstRunThenUnchangedThenEditedCsv_PromotesSkipsAndDecides()
    {
        using var workspace = new PipelineWorkspace();

        var (exit, output) = workspace.Build("CompareWithChampion");
        Assert.True(exit == 0, output);
        Assert.Contains("first model: no champion to compare with", output);
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        Assert.Equal("1.0.0", registry.Champion?.Version);
        Assert.True(registry.Champion!.Metrics["auc"] > 0.83, $"auc {registry.Champion.Metrics["auc"]}");
        Assert.True(File.Exists(Path.Combine(workspace.Root, "artifacts", "churn", "report.html")));

        (exit, output) = workspace.Build("CompareWithChampion");
        Assert.True(exit == 0, output);
        Assert.Contains("Skipped (unchanged since 1.0.0 (champion)", output);
        Assert.Single(ModelRegistry.Open(workspace.Models, "churn").ListVersions());

        var csv = Path.Combine(workspace.Root, "data", "churn.csv");
        var lines = File.ReadAllLines(csv);
        lines[1] = lines[1].Replace(",29.85,29.85,0", ",29.85,29.85,1", StringComparison.Ordinal);
        File.WriteAllLines(csv, lines);

        (exit, output) = workspace.Build("CompareWithChampion");
        Assert.True(exit == 0, output);
        Assert.Contains("Training logistic_regression", output);
        registry = ModelRegistry.Open(workspace.Models, "churn");
        var versions = registry.ListVersions();
        Assert.Equal(["1.0.0", "1.1.0"], versions.Select(v => v.Version));
        Assert.Contains("vs champion", File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "decision.json")));
        Assert.Contains(registry.Champion!.Version, new[] { "1.0.0", "1.1.0" });
    }
}
