using ModelPipeline.Monitoring.Tests;

namespace ModelPipeline.Build.Tests;

/// <summary>GenerateMonitoring: every pipeline has fresh alert rules and a dashboard committed, and the rules pass promtool.</summary>
public sealed class MonitoringFilesTests
{
    [Fact]
    public void GenerateMonitoring_EveryPipeline_EqualsCommittedFiles()
    {
        var files = MonitoringFiles.For(PipelineWorkspace.RepositoryRoot);
        Assert.Equal(2 * Directory.GetFiles(Path.Combine(PipelineWorkspace.RepositoryRoot, "pipelines"), "*.y*ml").Length, files.Count);
        foreach (var (path, text) in files)
        {
            var committed = Path.Combine(PipelineWorkspace.RepositoryRoot, path);
            Assert.True(File.Exists(committed), $"{path} is missing: run ./build.sh GenerateMonitoring and commit it");
            Assert.True(File.ReadAllText(committed) == text, $"{path} is stale: run ./build.sh GenerateMonitoring and commit it");
        }
    }

    [Fact]
    public void CommittedRules_EveryFile_PassesPromtoolCheck()
    {
        if (Promtool.Path is not { } promtool)
        {
            return; // only off CI: Promtool.Path throws when CI=true and promtool is missing
        }

        var folder = Path.Combine(PipelineWorkspace.RepositoryRoot, MonitoringFiles.Folder);
        var rules = Directory.GetFiles(folder, "*.rules.yml");
        Assert.NotEmpty(rules);
        foreach (var file in rules)
        {
            var (exit, output) = Promtool.Run(promtool, folder, "check", "rules", Path.GetFileName(file));
            Assert.True(exit == 0, $"{Path.GetFileName(file)}: {output}");
            Assert.Contains("SUCCESS", output);
        }
    }

    [Fact]
    public void GenerateMonitoring_SecondPipeline_WritesItsRulesAndDashboard()
    {
        using var workspace = new PipelineWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, "pipelines", "churn_weekly.yaml"),
            File.ReadAllText(Path.Combine(workspace.Root, "pipelines", "churn.yaml")).Replace("name: churn", "name: churn_weekly", StringComparison.Ordinal));

        var (exit, output) = workspace.Build("GenerateMonitoring");

        Assert.True(exit == 0, output);
        Assert.Contains("wrote monitoring/churn_weekly.rules.yml", output);
        Assert.Contains("pipeline=\"churn_weekly\"", File.ReadAllText(Path.Combine(workspace.Root, "monitoring", "churn_weekly.rules.yml")));
        Assert.Contains("\"modelpipeline-churn_weekly\"", File.ReadAllText(Path.Combine(workspace.Root, "monitoring", "churn_weekly.dashboard.json")));
    }
}
