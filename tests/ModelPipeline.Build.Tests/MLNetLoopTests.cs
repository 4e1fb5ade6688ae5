using System.Text.Json;
using Microsoft.ML;
using ModelPipeline.MLNet;
using ModelPipeline.Registry;

namespace ModelPipeline.Build.Tests;

/// <summary>
/// ML.NET models go through the same stages as built-in ones: a built-in champion and an ML.NET challenger (and the
/// reverse) are judged in one gate on the same holdout rows; a team's broken estimator fails with one line naming
/// the class, and the registry is untouched.
/// </summary>
public sealed class MLNetLoopTests(ChampionRegistryFixture champion) : IClassFixture<ChampionRegistryFixture>
{
    private const string BuiltIn = "  type: logistic_regression\n  params: { l2: 1.0, max_iterations: 500 }";

    [Fact]
    public void CompareWithChampion_BuiltInChampionThenMLNetChallengerThenBuiltInAgain_OneGateOnTheSameRows()
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", BuiltIn, "  type: mlnet\n  name: lightgbm\n  params: { number_of_iterations: 60, number_of_leaves: 15 }");

        var (exit, output) = workspace.Build("CompareWithChampion");

        Assert.True(exit == 0, output);
        Assert.Contains("Training mlnet:lightgbm", output);
        var registry = ModelRegistry.Open(workspace.Models, "churn");
        var mlnet = registry.GetVersion("1.0.1");
        Assert.Equal(("mlnet", "model.zip", "mlnet:lightgbm"), (mlnet.ModelKind, mlnet.ModelFile, mlnet.Trainer));
        Assert.Equal("6.0.0", mlnet.Lineage.Framework!["mlnet_version"]);
        var decision = Decision(workspace);
        Assert.Equal("1.0.0", decision.GetProperty("champion_version").GetString());
        // The champion is scored on the same holdout rows it was registered with: the same AUC to the last bit.
        Assert.Equal(registry.GetVersion("1.0.0").Metrics["auc"], decision.GetProperty("champion_value").GetDouble());
        Assert.Equal(mlnet.Metrics["auc"], decision.GetProperty("challenger_value").GetDouble());

        var championNow = registry.Champion!.Version;
        workspace.Edit("pipelines/churn.yaml", "  type: mlnet\n  name: lightgbm\n  params: { number_of_iterations: 60, number_of_leaves: 15 }",
            BuiltIn.Replace("l2: 1.0", "l2: 2.0", StringComparison.Ordinal));
        (exit, output) = workspace.Build("CompareWithChampion");

        Assert.True(exit == 0, output);
        decision = Decision(workspace);
        Assert.Equal(championNow, decision.GetProperty("champion_version").GetString());
        Assert.Equal(ModelRegistry.Open(workspace.Models, "churn").GetVersion(championNow).Metrics["auc"], decision.GetProperty("champion_value").GetDouble());
    }

    [Theory]
    [InlineData("NoSuchEstimator", "estimator NoSuchEstimator: no class 'NoSuchEstimator' implementing IMLNetEstimator in trainers/")]
    [InlineData("ThrowingEstimator", "estimator ThrowingEstimator failed: InvalidOperationException: the feature store is down")]
    [InlineData("ScorelessEstimator", "estimator ScorelessEstimator: the ML.NET pipeline's output has no 'Score' column (a Single) for a binary task")]
    public void Retrain_BrokenOwnEstimator_OneLineNamingTheClassRegistryUntouched(string estimator, string message)
    {
        using var workspace = champion.NewWorkspaceWithChampion();
        workspace.Edit("pipelines/churn.yaml", BuiltIn, $"  type: mlnet\n  estimator: {estimator}");

        var (_, output) = workspace.BuildFailingWithRegistryKept("CompareWithChampion");

        Assert.Contains(message, output);
    }

    private static JsonElement Decision(PipelineWorkspace workspace) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace.Root, "artifacts", "churn", "decision.json"))).RootElement;
}

/// <summary>A team's estimator that throws while building its pipeline.</summary>
public sealed class ThrowingEstimator : IMLNetEstimator
{
    public IEstimator<ITransformer> Build(MLNetEstimatorContext context) => throw new InvalidOperationException("the feature store is down");
}

/// <summary>A team's estimator whose pipeline only featurizes: its output has no Score column.</summary>
public sealed class ScorelessEstimator : IMLNetEstimator
{
    public IEstimator<ITransformer> Build(MLNetEstimatorContext context) => context.Featurize();
}
