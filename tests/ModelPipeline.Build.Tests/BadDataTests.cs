namespace ModelPipeline.Build.Tests;

/// <summary>Training rows a user got wrong: each run stops with one line naming the file, the line and the fault.</summary>
public sealed class BadDataTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    [Fact]
    public void Retrain_RowWithoutLabel_NamesItsLine()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        SetLastField(workspace, line: 17, "");

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Contains("data/churn.csv:17: column 'churn': the label is missing; every row needs one", output);
        Assert.DoesNotContain("stratify", output);
    }

    [Fact]
    public void Retrain_ThirdClassInABinaryTask_NamesItsLineAndTheClasses()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        SetLastField(workspace, line: 17, "maybe");

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Contains(
            "data/churn.csv:17: column 'churn': 'maybe' is not one of the label's classes ('0', '1'); " +
            "a binary task has exactly 2 classes, and 'churn' has 3: '0' 5,173 row(s), '1' 1,869 row(s), 'maybe' 1 row(s)",
            output);
    }

    [Fact]
    public void Retrain_HeaderOnly_SaysThereAreNoRows()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var path = Path.Combine(workspace.Root, "data", "churn.csv");
        File.WriteAllText(path, File.ReadLines(path).First() + "\n");

        var (exit, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Equal(2, exit);
        Assert.Contains("data/churn.csv: there are no data rows to train on.", output);
        Assert.DoesNotContain("Parameter", output);
    }

    [Fact]
    public void Retrain_InfiniteNumber_IsRefusedNamingLineAndColumn()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        var path = Path.Combine(workspace.Root, "data", "churn.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[16].Split(',');
        fields[^3] = "inf"; // monthly_charges
        lines[16] = string.Join(',', fields);
        File.WriteAllLines(path, lines);

        var (_, output) = workspace.BuildFailingWithRegistryKept("Retrain");

        Assert.Contains("data/churn.csv:17: column 'monthly_charges': 'inf' is an infinite number; infinite values are refused", output);
    }

    private static void SetLastField(PipelineWorkspace workspace, int line, string value)
    {
        var path = Path.Combine(workspace.Root, "data", "churn.csv");
        var lines = File.ReadAllLines(path);
        lines[line - 1] = lines[line - 1][..(lines[line - 1].LastIndexOf(',') + 1)] + value;
        File.WriteAllLines(path, lines);
    }
}
