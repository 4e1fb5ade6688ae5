namespace ModelPipeline.Definitions.Tests;

/// <summary><c>trainer.type: mlnet</c>: the ML.NET trainer, its params and an own estimator are checked with file:line:column.</summary>
public sealed class MLNetTrainerTests
{
    private static string Yaml(string trainer, string task = "binary") =>
        PipelineWorkspace.Minimal.Replace("task: binary", $"task: {task}", StringComparison.Ordinal)
            .Replace("  type: logistic_regression", trainer, StringComparison.Ordinal);

    [Fact]
    public void Load_NamedTrainerWithParams_IsRead()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(Yaml("  type: mlnet\n  name: lightgbm\n  params: { number_of_leaves: 15, learning_rate: 0.05 }"));

        Assert.Equal((TrainerType.MLNet, "lightgbm", null), (definition.Trainer.Type, definition.Trainer.Name, definition.Trainer.Estimator));
        Assert.Equal("15", definition.Trainer.Params["number_of_leaves"].Text);
    }

    [Fact]
    public void Load_OwnEstimator_IsReadWithItsParamsAsWritten()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(Yaml("  type: mlnet\n  estimator: ChurnEstimator\n  params: { trees: 200 }"));

        Assert.Equal("ChurnEstimator", definition.Trainer.Estimator);
        Assert.Equal("200", definition.Trainer.Params["trees"].Text);
    }

    [Theory]
    [InlineData("  type: mlnet\n  name: lightgbm", "  type: mlnet\n  name: fast_tree")]
    [InlineData("  type: mlnet\n  estimator: ChurnEstimator", "  type: mlnet\n  estimator: OtherEstimator")]
    [InlineData("  type: mlnet\n  name: lightgbm", "  type: mlnet\n  estimator: ChurnEstimator")]
    public void Load_OtherTrainerOrEstimator_ChangesTheConfigHash(string before, string after)
    {
        using var workspace = new PipelineWorkspace();

        Assert.NotEqual(workspace.Load(Yaml(before)).ConfigHash, workspace.Load(Yaml(after)).ConfigHash);
    }

    [Theory]
    [InlineData("  type: mlnet\n  name: lightgbn", "pipelines/x.yaml:7:9: trainer.name: unknown ML.NET trainer 'lightgbn'; expected one of lightgbm, fast_tree, fast_forest, sdca_logistic_regression, lbfgs_logistic_regression, sdca_maximum_entropy, lbfgs_maximum_entropy, sdca_regression, lbfgs_poisson_regression (did you mean 'lightgbm'?)")]
    [InlineData("  type: mlnet\n  name: lightgbm\n  params: { number_of_leafs: 15 }", "pipelines/x.yaml:8:30: trainer.params.number_of_leafs: lightgbm has no parameter 'number_of_leafs'; expected one of number_of_leaves, number_of_iterations, learning_rate, minimum_example_count_per_leaf, l2_regularization, maximum_bin_count_per_feature (did you mean 'number_of_leaves'?)")]
    [InlineData("  type: mlnet\n  name: lightgbm\n  params: { number_of_leaves: 1.5 }", "pipelines/x.yaml:8:31: trainer.params.number_of_leaves: expected a whole number >= 2, got '1.5'")]
    [InlineData("  type: mlnet\n  name: sdca_regression", "pipelines/x.yaml:7:9: trainer.name: sdca_regression cannot learn a binary task; expected lightgbm, fast_tree, fast_forest, sdca_logistic_regression, lbfgs_logistic_regression")]
    [InlineData("  type: mlnet\n  name: lightgbm\n  estimator: ChurnEstimator", "pipelines/x.yaml:8:14: trainer.estimator: give either name (an ML.NET trainer) or estimator (your own class), not both")]
    [InlineData("  type: mlnet\n  estimator: Churn Estimator", "pipelines/x.yaml:7:14: trainer.estimator: 'Churn Estimator' is not a C# class name")]
    [InlineData("  type: logistic_regression\n  name: lightgbm", "pipelines/x.yaml:7:3: trainer.name: unknown key; expected one of type, params")]
    public void Load_MLNetMistake_OneLineAtItsPosition(string trainer, string expected)
    {
        using var workspace = new PipelineWorkspace();

        Assert.Equal(expected, workspace.Error(Yaml(trainer)));
    }

    [Fact]
    public void Load_MLNetWithoutNameOrEstimator_SaysWhatIsNeeded()
    {
        using var workspace = new PipelineWorkspace();

        var error = workspace.Error(Yaml("  type: mlnet"));

        Assert.StartsWith("pipelines/x.yaml:5:1: trainer.name: required", error);
        Assert.Contains("an ML.NET trainer (lightgbm,", error, StringComparison.Ordinal);
        Assert.EndsWith("or estimator: a class in trainers/", error, StringComparison.Ordinal);
    }
}
