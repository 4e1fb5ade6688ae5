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
        ReportChart_PlotsTheDecisionsValues(workspace);
    }

    /// <summary>
    /// report.md's history chart plots champion and challenger as decision.json (and the table) record them on this
    /// holdout, not the champion's value on the holdout it was registered with (the edited row moved it: 0.8419 -> 0.8500).
    /// </summary>
    private static void ReportChart_PlotsTheDecisionsValues(PipelineWorkspace workspace)
    {
        var artifacts = Path.Combine(workspace.Root, "artifacts", "churn");
        using var decision = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(artifacts, "decision.json")));
        var challenger = decision.RootElement.GetProperty("challenger_value").GetDouble();
        var champion = decision.RootElement.GetProperty("champion_value").GetDouble();
        var registered = ModelRegistry.Open(workspace.Models, "churn").GetVersion("1.0.0").Metrics["auc"];
        Assert.True(Math.Abs(registered - champion) > 1e-4, $"the edit should move the champion's holdout score ({registered} vs {champion})");

        var report = File.ReadAllText(Path.Combine(artifacts, "report.md"));
        var line = System.Text.RegularExpressions.Regex.Match(report, @"\n    line \[([^\]]*)\]\n");
        Assert.True(line.Success, report);
        var plotted = line.Groups[1].Value.Split(", ").Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([Math.Round(champion, 6), Math.Round(challenger, 6)], plotted);
    }
}
