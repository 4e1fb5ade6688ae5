namespace ModelPipeline.Build.Tests;

/// <summary>Each user mistake gives one clear line, a non-zero exit code, no stack trace, and leaves the registry as it was.</summary>
public sealed class BadInputTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    [Fact]
    public void Retrain_YamlTypo_NamesFileLineAndKey()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", "  label: churn", "  labl: churn");

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Contains("pipelines/churn.yaml:9:3: data.labl: unknown key", output);
        Assert.Contains("did you mean 'label'?", output);
    }

    [Fact]
    public void Build_YamlTypo_OneLineAndNoSummaryTable()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", "  label: churn", "  labl: churn");

        var (exit, output) = workspace.BuildFailingWithRegistryKept();

        Assert.Equal(2, exit);
        Assert.Equal(
            ["== Retrain ==", "pipelines/churn.yaml:9:3: data.labl: unknown key; expected one of files, label, positive_class, columns, ignore, missing (did you mean 'label'?)"],
            Lines(output));
    }

    [Fact]
    public void Build_UnknownPipeline_OneLineAndNoSummaryTable()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.BuildFailingWithRegistryKept("--pipeline", "chrun");

        Assert.Equal(2, exit);
        Assert.Equal(["== Retrain ==", "Unknown pipeline 'chrun'. Did you mean 'churn'? Pipelines: churn, churn-mlnet, churn-mlnet-own, churn_sklearn."], Lines(output));
    }

    [Fact]
    public void Build_SeveralYamlMistakes_OneLineEach()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", "  label: churn", "  labl: churn");
        workspace.Edit("pipelines/churn.yaml", "holdout: 0.2", "holdout: 1.5");

        var (exit, output) = workspace.BuildFailingWithRegistryKept();

        Assert.Equal(2, exit);
        Assert.Equal(
            [
                "== Retrain ==",
                "pipelines/churn.yaml:9:3: data.labl: unknown key; expected one of files, label, positive_class, columns, ignore, missing (did you mean 'label'?)",
                "pipelines/churn.yaml:15:12: split.holdout: expected a number between 0 and 1 (exclusive), got '1.5'",
            ],
            Lines(output));
    }

    [Fact]
    public void Retrain_MissingDataFile_NamesTheKeyAndFile()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", "files: [data/churn.csv]", "files: [data/churn-2026.csv]");

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Contains("pipelines/churn.yaml:8:", output);
        Assert.Contains("data/churn-2026.csv", output);
    }

    [Fact]
    public void Retrain_CsvWithShortRow_NamesTheLine()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        File.AppendAllText(Path.Combine(workspace.Root, "data", "churn.csv"), "1,0,1,0\n");

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Contains("data/churn.csv:7045: row has 4 fields, the header has 20", output);
    }

    [Fact]
    public void Build_UnknownTarget_SuggestsTheNearest()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.Build("Retrian");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown target 'Retrian'. Did you mean 'Retrain'?", output);
    }

    [Fact]
    public void Build_UnknownParameter_SuggestsTheNearest()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.Build("Retrain", "--pipline", "churn");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown parameter '--pipline'. Did you mean '--pipeline'?", output);
    }

    [Fact]
    public void Build_UnknownPipeline_ListsThePipelines()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain", "--pipeline", "chrun");

        Assert.Contains("Unknown pipeline 'chrun'. Did you mean 'churn'?", output);
    }

    [Fact]
    public void DiffVersions_ChampionWithoutParent_OneLineAndNoSummaryTable()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.Build("DiffVersions");

        Assert.Equal(2, exit);
        var lines = Lines(output);
        Assert.Equal(2, lines.Length);
        Assert.Equal("== DiffVersions ==", lines[0]);
        Assert.EndsWith(" has no parent version; name one with --from", lines[1]);
    }

    [Fact]
    public void Evaluate_BeforeRetrain_SaysToRunRetrainFirst()
    {
        using var workspace = champion.NewWorkspaceWithChampion();

        var (exit, output) = workspace.Build("Evaluate", "--skip");

        Assert.Equal(2, exit);
        Assert.Equal(["== Evaluate ==", "No challenger model at artifacts/churn/challenger.bin: run the Retrain target first."], Lines(output));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
