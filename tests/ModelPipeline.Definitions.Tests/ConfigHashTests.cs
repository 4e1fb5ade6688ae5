namespace ModelPipeline.Definitions.Tests;

public sealed class ConfigHashTests
{
    private const string Original = """
        # churn
        task: binary
        data:
          files: [data/x.csv]
          label: y
        trainer:
          type: logistic_regression
          params: { l2: 1.0, max_iterations: 500 }
        gate:
          thresholds: { auc: ">= 0.80", log_loss: "<= 0.5" }
        """;

    private const string Reformatted = """
        trainer:
            params:
                max_iterations: 500     # moved
                l2: 1.00
            type: logistic_regression

        gate: {thresholds: {log_loss: "<=0.5", auc: ">=0.8"}, primary_metric: auc}
        data:
            label: "y"
            files:
              - data/x.csv
        task: binary
        split: { holdout: 0.2 }
        """;

    [Fact]
    public void ConfigHash_ReformattedReorderedWithDefaultsSpelledOut_IsUnchanged()
    {
        using var workspace = new PipelineWorkspace();

        var original = workspace.Load(Original);
        var reformatted = workspace.Load(Reformatted);

        Assert.Equal(original.ConfigHash, reformatted.ConfigHash);
    }

    [Theory]
    [InlineData("l2: 1.0", "l2: 2.0")]
    [InlineData("\">= 0.80\"", "\">= 0.81\"")]
    [InlineData("label: y", "label: a")]
    public void ConfigHash_ValueChanged_Changes(string from, string to)
    {
        using var workspace = new PipelineWorkspace();

        var original = workspace.Load(Original);
        var changed = workspace.Load(Original.Replace(from, to));

        Assert.NotEqual(original.ConfigHash, changed.ConfigHash);
    }

    [Fact]
    public void ConfigHash_ChurnPipeline_IsStableAcrossLoads()
    {
        var first = PipelineLoader.LoadByName("churn", RepositoryRoot.Path);
        var second = PipelineLoader.LoadByName("churn", RepositoryRoot.Path);

        Assert.Equal(first.ConfigHash, second.ConfigHash);
    }
}
