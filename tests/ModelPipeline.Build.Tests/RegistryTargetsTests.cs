using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>The registry commands of issue #4 as a user runs them: list, show, diff, promote, roll back, tamper.</summary>
public sealed class RegistryTargetsTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    [Fact]
    public void RegistryCommands_TwoVersions_ListShowDiffPromoteRollback()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        // A config-only change (l2 1.0 -> 0.5) makes a patch version: 1.0.1.
        workspace.Edit("pipelines/churn.yaml", "l2: 1.0,", "l2: 0.5,");
        var (exit, output) = workspace.Build("CompareWithChampion");
        Assert.True(exit == 0, output);
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        Assert.Equal(["1.0.0", "1.0.1"], registry.ListVersions().Select(v => v.Version));
        // Make 1.0.1 champion whatever the gate said (the gate may already have), so the history has two champions.
        (exit, output) = workspace.Build("Promote", "--version", "1.0.1", "--reason", "try l2 0.5");
        Assert.True(exit == 0, output);

        (exit, output) = workspace.Build("Models");
        Assert.True(exit == 0, output);
        Assert.Contains("1.0.0", output);
        Assert.Contains("1.0.1", output);
        Assert.Contains("champion", output);
        Assert.Contains("auc", output);

        (exit, output) = workspace.Build("ShowVersion", "--version", "champion");
        Assert.True(exit == 0, output);
        var v101 = ModelRegistry.Open(workspace.Models, "churn").GetVersion("1.0.1");
        Assert.Matches(@"churn 1\.0\.1 \([^)]*champion[^)]*\)", output);
        Assert.Contains($"sha256 {v101.Sha256}", output);
        Assert.Contains("verified", output);
        Assert.Contains(v101.Lineage.DataFiles[0].Sha256, output);
        Assert.Contains("auc 0.", output);
        Assert.Contains("champion: 1.0.0 -> 1.0.1 by ", output);

        (exit, output) = workspace.Build("DiffVersions", "--from", "1.0.0", "--to", "1.0.1");
        Assert.True(exit == 0, output);
        Assert.Contains("churn: 1.0.0 -> 1.0.1", output);
        Assert.Contains("l2", output);
        Assert.Contains("auc", output);
        string log;
        (exit, output, log) = workspace.BuildSeparated("DiffVersions", "--from", "1.0.0", "--to", "1.0.1", "--markdown");
        Assert.True(exit == 0, log);
        Assert.StartsWith("### churn: 1.0.0 → 1.0.1\n\n| metric |", output.ReplaceLineEndings("\n"));
        Assert.Contains("| auc |", output);
        Assert.Contains("| l2 |", output);
        Assert.All(output.ReplaceLineEndings("\n").Split('\n'), l => Assert.Matches(@"^(|###? .*|\|.*\|)$", l));
        Assert.Contains("== DiffVersions ==", log);
        Assert.Contains("Build succeeded.", log);

        (exit, output, log) = workspace.BuildSeparated("ShowVersion", "--version", "champion", "--markdown");
        Assert.True(exit == 0, log);
        Assert.StartsWith("### churn 1.0.1 (", output);
        Assert.Contains($"| model | sha256 `{v101.Sha256}`", output);
        Assert.Contains("| auc | 0.", output);
        Assert.All(output.ReplaceLineEndings("\n").Split('\n'), l => Assert.Matches(@"^(|###? .*|\|.*\|)$", l));
        Assert.DoesNotContain("[INF]", output);

        (exit, output) = workspace.Build("Promote", "--version", "1.0.0", "--reason", "x");
        Assert.True(exit == 0, output);
        registry = ModelRegistry.Open(workspace.Models, "churn");
        Assert.Equal("1.0.0", registry.Champion?.Version);
        var last = registry.AliasHistory()[^1];
        Assert.Equal(("champion", "1.0.1", "1.0.0", "x"), (last.Alias, last.From, last.To, last.Reason));
        Assert.False(string.IsNullOrWhiteSpace(last.Actor));

        (exit, output) = workspace.Build("Rollback");
        Assert.True(exit == 0, output);
        Assert.Equal("1.0.1", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);

        (exit, output) = workspace.Build("Rollback", "--to", "1.0.0");
        Assert.True(exit == 0, output);
        Assert.Equal("1.0.0", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);

        (exit, output) = workspace.Build("Rollback", "--to", "1.0.1");
        Assert.True(exit == 0, output);
        Assert.Equal("1.0.1", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);
    }

    [Fact]
    public void Rollback_NoPreviousChampion_FailsWithOneLineAndKeepsRegistry()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.BuildFailingWithRegistryKept("Rollback");
        Assert.Equal(2, exit);

        Assert.Contains("no previous champion to roll back to", output);
        Assert.Equal("1.0.0", ModelRegistry.Open(workspace.Models, "churn").Champion?.Version);
    }

    [Fact]
    public void ShowVersion_UnknownVersion_SuggestsExistingVersions()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.BuildFailingWithRegistryKept("ShowVersion", "--version", "9.9.9");
        Assert.Equal(2, exit);

        Assert.Contains("9.9.9", output);
        Assert.Contains("existing versions: 1.0.0", output);
    }

    [Fact]
    public void ShowVersion_TamperedModel_FailsWithShaMismatch()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        FlipByte(workspace);

        var (exit, output) = workspace.BuildFailingWithRegistryKept("ShowVersion", "--version", "champion");
        Assert.Equal(1, exit);

        Assert.Contains("sha256 mismatch", output);
    }

    [Fact]
    public void CompareWithChampion_TamperedChampion_FailsAndRegistersNothing()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        FlipByte(workspace);

        var (exit, output) = workspace.BuildFailingWithRegistryKept("CompareWithChampion", "--force");
        Assert.Equal(1, exit);

        Assert.Contains("sha256 mismatch", output);
        Assert.Single(ModelRegistry.Open(workspace.Models, "churn").ListVersions());
    }

    private static void FlipByte(PipelineWorkspace workspace)
    {
        var model = Path.Combine(workspace.Models, "churn", "versions", "1.0.0", "model.bin");
        var bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(model, bytes);
    }
}
