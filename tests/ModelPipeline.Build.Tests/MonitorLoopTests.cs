using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// Monitor on churn: a shifted batch is caught, and with retrain_on_drift (and a drift share the one feature reaches)
/// the loop closes: the pipeline retrains on the new data file and records trigger "drift".
/// </summary>
public sealed class MonitorLoopTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    [Fact]
    public void Monitor_ShiftedMonthlyCharges_ReportsDriftAndRetrainsWithTriggerDrift()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.ScaleColumn("data/churn.csv", "monthly_charges", 1.3);
        var yaml = Path.Combine(workspace.Root, "pipelines", "churn.yaml");
        var text = File.ReadAllText(yaml);
        Assert.Contains("drift_share: 0.5", text);
        File.WriteAllText(yaml, text.Replace("drift_share: 0.5", "drift_share: 0.05", StringComparison.Ordinal)
            .Replace("repository: modelpipeline/churn", "repository: modelpipeline/churn-monitor-test", StringComparison.Ordinal));

        var (exit, output) = workspace.Build("Monitor", "--batch", "data/churn.csv");

        Assert.True(exit == 0, output);
        Assert.Contains("input drift (1/19 features: monthly_charges)", output);
        var markdown = File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "drift.md"));
        Assert.Contains("monthly_charges", markdown);
        Assert.Contains("anomaly rate: ", markdown); // the champion's anomaly-forest.bin attachment was found and used
        Assert.True(File.Exists(Path.Combine(workspace.Root, "artifacts", "churn", "drift.html")));
        var versions = ModelRegistry.Open(workspace.Models, "churn").ListVersions();
        Assert.Equal(2, versions.Count);
        Assert.Equal(VersionTrigger.Drift, versions[^1].Trigger);
    }
}
