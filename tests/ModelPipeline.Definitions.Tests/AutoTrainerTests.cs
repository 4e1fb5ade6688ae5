namespace ModelPipeline.Definitions.Tests;

/// <summary><c>trainer.type: auto</c>: its search budget and space, defaults and mistakes (file:line:column).</summary>
public sealed class AutoTrainerTests
{
    private static readonly string Auto = PipelineWorkspace.Minimal.Replace("logistic_regression", "auto");

    [Fact]
    public void Load_AutoWithoutSearch_TakesTheAutoDefaultsAndPointsTheBudgetAtTrainerType()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(Auto);

        Assert.Equal(TrainerType.Auto, definition.Trainer.Type);
        var search = Assert.IsType<SearchSection>(definition.Search);
        Assert.Equal((PipelineDefaults.AutoFolds, PipelineDefaults.AutoTrials, PipelineDefaults.AutoMaxSeconds, 0), (search.Folds, search.Trials, search.MaxSeconds, search.Parallelism));
        Assert.Empty(search.Space);
        Assert.Equal("pipelines/x.yaml:6:9", search.BudgetLocation);
    }

    [Fact]
    public void Load_AutoWithBudgetAndSpace_ReadsThem()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(Auto + "\nsearch:\n  max_seconds: 20\n  folds: 3\n  space: { learning_rate: [0.05, 0.1], max_depth: [none, 6], linear_l2: [1] }\n");

        var search = definition.Search!;
        Assert.Equal((20.0, 3), (search.MaxSeconds, search.Folds));
        Assert.Equal(["0.05", "0.1"], search.Space["learning_rate"].Values!.Select(v => v.Text));
        Assert.Equal(["none", "6"], search.Space["max_depth"].Values!.Select(v => v.Text));
        Assert.Equal("pipelines/x.yaml:8:16", search.BudgetLocation);
    }

    [Fact]
    public void Load_AutoSpaceInvalidValue_OneLineAtTheValue()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Auto + "\nsearch:\n  space: { learning_rate: [0.1, -0.5] }\n");

        Assert.Equal("pipelines/x.yaml:8:33: search.space.learning_rate[1]: expected a number > 0, got '-0.5'", error);
    }

    [Fact]
    public void Load_AutoSpaceUnknownParameter_SuggestsTheNearest()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Auto + "\nsearch:\n  space: { max_leafs: [15] }\n");

        Assert.Equal(
            "pipelines/x.yaml:8:12: search.space.max_leafs: trainer.type auto has no parameter 'max_leafs'; expected one of learning_rate, max_leaves, "
            + "max_depth, min_samples_leaf, l2, max_iterations, linear_l2 (did you mean 'max_leaves'?)",
            error);
    }

    [Fact]
    public void Load_AutoWithStrategy_SaysAutoDrawsItsOwnCandidates()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Auto + "\nsearch:\n  strategy: grid\n");

        Assert.StartsWith("pipelines/x.yaml:8:13: search.strategy: applies only to a search over one trainer; trainer.type auto", error);
    }

    [Fact]
    public void Load_AutoZeroBudget_OneLine()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Auto + "\nsearch:\n  max_seconds: 0\n");

        Assert.StartsWith("pipelines/x.yaml:8:16: search.max_seconds: expected a number of seconds > 0", error);
    }

    [Fact]
    public void ConfigHash_AutoBudgetChange_ChangesTheHash()
    {
        using var workspace = new PipelineWorkspace();

        var first = workspace.Load(Auto).ConfigHash;
        var spelled = workspace.Load(Auto + "\nsearch:\n  max_seconds: 60\n").ConfigHash;
        var other = workspace.Load(Auto + "\nsearch:\n  max_seconds: 30\n").ConfigHash;

        Assert.Equal(first, spelled);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Load_AutoWithParams_PointsAtSearchSpace()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Auto + "\n  params: { l2: 1 }\n");

        Assert.Equal("pipelines/x.yaml:7:11: trainer.params: applies to one trainer; trainer.type auto chooses the parameters (list values to try under search.space)", error);
    }
}
