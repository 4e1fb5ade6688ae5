using System.Globalization;
using System.Text.Json;
using ModelPipeline.Data;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// <c>trainer.type: auto</c> in a pipeline: Retrain searches on the training rows only, refits the winner, and
/// Compare records the leaderboard in the version's lineage; the same seed gives the same model bytes on 1 or 2 threads.
/// </summary>
public sealed class AutoTrainerTests
{
    private const string Auto = "trainer:\n  type: auto\n\nsearch:\n  max_seconds: 4\n  folds: 3\n";

    [Fact]
    public void Retrain_Auto_SameModelBytesOnOneOrTwoThreads_LeaderboardInLineage()
    {
        using var one = AutoWorkspace();
        using var two = AutoWorkspace();

        var (exitOne, outputOne) = one.Build("Retrain", "Evaluate", "CompareWithChampion", "--threads", "1");
        var (exitTwo, outputTwo) = two.Build("Retrain", "--threads", "2");

        Assert.True(exitOne == 0, outputOne);
        Assert.True(exitTwo == 0, outputTwo);
        Assert.Contains("Chose #", outputOne);
        Assert.Equal(Challenger(one), Challenger(two));
        using var lineage = JsonDocument.Parse(File.ReadAllText(Directory.EnumerateFiles(Path.Combine(one.Models, "churn"), "version.json", SearchOption.AllDirectories).Single()));
        var search = lineage.RootElement.GetProperty("lineage").GetProperty("search");
        var candidates = search.GetProperty("candidates");
        Assert.True(candidates.GetArrayLength() >= 3, search.ToString());
        Assert.Equal("auc", search.GetProperty("metric").GetString());
        var chosen = candidates[search.GetProperty("chosen").GetInt32()];
        using var retrain = JsonDocument.Parse(File.ReadAllText(Path.Combine(one.Root, "artifacts", "churn", "retrain.json")));
        Assert.Equal(chosen.GetProperty("trainer").GetString(), retrain.RootElement.GetProperty("trainer").GetString());
        Assert.All(candidates.EnumerateArray(), c => Assert.True(c.TryGetProperty("mean", out _) && c.TryGetProperty("standard_deviation", out _) && c.GetProperty("work").GetInt64() > 0));
        Assert.Matches(@"auto search \(M work\) \d+/\d+", outputOne);
        var report = File.ReadAllText(Directory.EnumerateFiles(one.Models, "report.html", SearchOption.AllDirectories).Single());
        Assert.Contains("<h2>Model search</h2>", report);
        Assert.Equal(candidates.GetArrayLength(), System.Text.RegularExpressions.Regex.Count(report[report.IndexOf("<section id=\"search\">", StringComparison.Ordinal)..].Split("</section>")[0], "<tr( class=\"chosen\")?><td>"));
        Assert.Contains("#### Model search", File.ReadAllText(Directory.EnumerateFiles(one.Models, "report.md", SearchOption.AllDirectories).Single()));
    }

    [Fact]
    public void Retrain_Auto_HoldoutRowsChanged_SameLeaderboardAndModel()
    {
        using var clean = AutoWorkspace();
        using var changed = AutoWorkspace();
        ScaleHoldoutTenure(changed, 10);

        var (exitClean, outputClean) = clean.Build("Retrain");
        var (exitChanged, outputChanged) = changed.Build("Retrain");

        Assert.True(exitClean == 0, outputClean);
        Assert.True(exitChanged == 0, outputChanged);
        Assert.Equal(Scores(clean), Scores(changed));
        Assert.Equal(Challenger(clean), Challenger(changed));
    }

    [Fact]
    public void Retrain_AutoBudgetTooSmall_OneLineAtTheBudgetNothingRegistered()
    {
        using var workspace = AutoWorkspace();
        workspace.Edit("pipelines/churn.yaml", "max_seconds: 4", "max_seconds: 0.001");

        var (exit, output) = workspace.BuildFailingWithRegistryKept("Retrain", "Evaluate", "CompareWithChampion");

        Assert.Equal(2, exit);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("too small", StringComparison.Ordinal));
        Assert.Matches(@"pipelines/churn\.yaml:\d+:16: trainer\.type auto: search\.max_seconds 0\.001 is too small for even one candidate on 5,634 rows × 19 inputs .*give at least [0-9.]+; nothing was trained or registered", line);
        Assert.False(File.Exists(Path.Combine(workspace.Root, "artifacts", "churn", "challenger.bin")));
    }

    private static PipelineWorkspace AutoWorkspace()
    {
        var workspace = new PipelineWorkspace();
        workspace.Edit("pipelines/churn.yaml", "trainer:\n  type: logistic_regression\n  params: { l2: 1.0, max_iterations: 500 }\n", Auto);
        return workspace;
    }

    private static string Challenger(PipelineWorkspace workspace) =>
        Convert.ToHexString(File.ReadAllBytes(Path.Combine(workspace.Root, "artifacts", "churn", "challenger.bin")));

    /// <summary>Every candidate's trainer, parameters, rung and fold-score mean, as search.json records them (times left out).</summary>
    private static string Scores(PipelineWorkspace workspace)
    {
        using var search = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "search.json")));
        return string.Join("\n", search.RootElement.GetProperty("candidates").EnumerateArray().Select(c =>
            $"{c.GetProperty("trainer")} {c.GetProperty("parameters")} {c.GetProperty("rung")} {c.GetProperty("mean")} {c.GetProperty("standard_deviation")} {c.GetProperty("work")}"));
    }

    /// <summary>Multiplies tenure by <paramref name="factor"/> on the holdout rows only (the split is stratified by the label, so it stays the same).</summary>
    private static void ScaleHoldoutTenure(PipelineWorkspace workspace, double factor)
    {
        var path = Path.Combine(workspace.Root, "data", "churn.csv");
        var frame = CsvFrameReader.Read(path);
        var (_, holdout) = FrameSplit.TrainHoldout(frame, 0.2, 42, "churn");
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), "\"tenure\"");
        foreach (var row in holdout)
        {
            var cells = lines[row + 1].Split(',');
            cells[index] = (double.Parse(cells[index], CultureInfo.InvariantCulture) * factor).ToString("R", CultureInfo.InvariantCulture);
            lines[row + 1] = string.Join(',', cells);
        }

        File.WriteAllLines(path, lines);
    }
}
