namespace ModelPipeline.Definitions.Tests;

public sealed class PipelineLoaderTests
{
    [Fact]
    public void LoadByName_Churn_ReadsEverySection()
    {
        var churn = PipelineLoader.LoadByName("churn", RepositoryRoot.Path);

        Assert.Equal("churn", churn.Name);
        Assert.Equal("pipelines/churn.yaml", churn.SourceFile);
        Assert.Equal(PipelineTask.Binary, churn.Task);
        Assert.Equal(["data/churn.csv"], churn.Data.Files);
        Assert.Equal("churn", churn.Data.Label);
        Assert.Equal("1", churn.Data.PositiveClass);
        Assert.Equal(DeclaredKind.Numeric, churn.Data.Columns["total_charges"]);
        Assert.Equal(new SplitSection(0.2, 42, true), churn.Split);
        Assert.Equal(TrainerType.LogisticRegression, churn.Trainer.Type);
        Assert.Equal(1.0, churn.Trainer.Params["l2"].AsNumber());
        Assert.Equal(500, churn.Trainer.Params["max_iterations"].AsInteger());
        Assert.Equal("auc", churn.Gate.PrimaryMetric);
        Assert.False(churn.Gate.LowerIsBetter);
        var threshold = Assert.Single(churn.Gate.Thresholds);
        Assert.Equal(new Threshold("auc", ThresholdOperator.AtLeast, 0.80), threshold);
        Assert.True(threshold.IsMet(0.80));
        Assert.False(threshold.IsMet(0.79));
        Assert.Equal("127.0.0.1:5000", churn.Push.Registry);
        Assert.Equal("modelpipeline/churn", churn.Push.Repository);
        Assert.Equal([ImageTag.Version, ImageTag.Champion, ImageTag.GitSha], churn.Push.Tags);
        Assert.Equal("0 3 * * 1", churn.Schedule?.Cron);
        Assert.Matches("^[0-9a-f]{64}$", churn.ConfigHash);
    }

    [Fact]
    public void Load_MinimalFile_FillsDefaults()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(PipelineWorkspace.Minimal, "small");

        Assert.Equal("small", definition.Name);
        Assert.Equal(new SplitSection(PipelineDefaults.Holdout, PipelineDefaults.Seed, true), definition.Split);
        Assert.Equal(new FeatureSection(NumericImputation.Median, CategoricalImputation.MostFrequent, Scaling.Standard, 100), definition.Features);
        Assert.Null(definition.Search);
        Assert.Null(definition.Schedule);
        Assert.Equal("auc", definition.Gate.PrimaryMetric);
        Assert.Equal(new ContainerSection("", 8080, ""), definition.Container);
        Assert.Equal("modelpipeline/small", definition.Push.Repository);
        Assert.Equal(0.5, definition.Monitor.DriftShare);
    }

    [Fact]
    public void Load_RegressionWithoutSplit_DoesNotStratify()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(PipelineWorkspace.Minimal.Replace("binary", "regression").Replace("logistic", "linear"));

        Assert.False(definition.Split.Stratify);
        Assert.Equal("rmse", definition.Gate.PrimaryMetric);
        Assert.True(definition.Gate.LowerIsBetter);
    }

    [Fact]
    public void Load_RandomSearch_ReadsListsAndRanges()
    {
        using var workspace = new PipelineWorkspace();

        var definition = workspace.Load(PipelineWorkspace.Minimal + """

            search:
              strategy: random
              folds: 3
              trials: 7
              space: { l2: { min: 0.001, max: 10, log: true }, max_iterations: [100, 200] }
            """);

        var search = Assert.IsType<SearchSection>(definition.Search);
        Assert.Equal(SearchStrategy.Random, search.Strategy);
        Assert.Equal((3, 7, 300.0, 1), (search.Folds, search.Trials, search.MaxSeconds, search.Parallelism));
        Assert.Equal(new SearchDimension(null, 0.001, 10, true), search.Space["l2"]);
        Assert.Equal([100L, 200L], search.Space["max_iterations"].Values!.Select(v => v.AsInteger()!.Value));
    }

    [Fact]
    public void LoadByName_Misspelt_SuggestsAndListsPipelines()
    {
        using var workspace = new PipelineWorkspace();
        workspace.Write(PipelineWorkspace.Minimal, "churn");
        workspace.Write(PipelineWorkspace.Minimal, "flights");

        var failure = Assert.Throws<PipelineNotFoundException>(() => PipelineLoader.LoadByName("chrun", workspace.Root));

        Assert.Equal("Unknown pipeline 'chrun'. Did you mean 'churn'? Pipelines: churn, flights.", failure.Message);
        Assert.Equal(["churn", "flights"], failure.Available);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        using var workspace = new PipelineWorkspace();

        var failure = Assert.Throws<PipelineNotFoundException>(() => PipelineLoader.Load("pipelines/nope.yaml", workspace.Root));

        Assert.StartsWith("Pipeline file 'pipelines/nope.yaml' does not exist.", failure.Message);
    }

    [Fact]
    public void ListPipelines_RepositoryRoot_IncludesChurn()
    {
        Assert.Contains("churn", PipelineLoader.ListPipelines(RepositoryRoot.Path));
    }
}
