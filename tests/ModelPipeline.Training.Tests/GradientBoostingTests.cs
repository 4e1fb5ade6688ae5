using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

public sealed class GradientBoostingTests
{
    [Fact]
    public void Fit_Churn_AucNearScikitLearn()
    {
        var (train, holdout) = TestData.Split("churn.csv", "churn");
        var model = ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", "gradient_boosting"));

        var auc = Metrics.Auc(model.Predict(holdout).PositiveScores(), model.ReadTargets(holdout));

        Assert.True(auc >= 0.82, $"AUC {auc:F4} < 0.82 (scikit-learn HGB .8350)");
    }

    [Fact]
    public void Fit_Satellite_AccuracyNearScikitLearn()
    {
        var (train, holdout) = TestData.Split("satellite.csv", "class");
        var model = ModelTrainer.Fit(train, Specs.Of(TaskKind.Multiclass, "class", "gradient_boosting"));

        var accuracy = Metrics.Accuracy(model.Predict(holdout).Values, model.ReadTargets(holdout));

        Assert.True(accuracy >= 0.90, $"accuracy {accuracy:F4} < 0.90 (scikit-learn HGB .9355)");
    }

    [Fact]
    public void Fit_FlightsQ1WithCategoricalAirports_AucNearScikitLearn()
    {
        var (train, holdout) = TestData.Split("flights_q1_sample.csv", "delayed");
        var spec = Specs.Of(TaskKind.Binary, "delayed", "gradient_boosting") with { IgnoredColumns = ["date"] };
        var model = ModelTrainer.Fit(train, spec);

        var auc = Metrics.Auc(model.Predict(holdout).PositiveScores(), model.ReadTargets(holdout));

        Assert.True(auc >= 0.69, $"AUC {auc:F4} < 0.69 (scikit-learn HGB .7050)");
    }

    [Fact]
    public void Fit_DiabetesRegression_ExplainsVariance()
    {
        var (train, holdout) = TestData.Split("diabetes_progression.csv", "disease_progression", stratify: false);
        var model = ModelTrainer.Fit(train, Specs.Of(TaskKind.Regression, "disease_progression", "gradient_boosting"));

        var r2 = Metrics.R2(model.Predict(holdout).Values, model.ReadTargets(holdout));

        Assert.True(r2 >= 0.30, $"R² {r2:F4} < 0.30 (scikit-learn HGB .3750)");
    }

    [Fact]
    public void Fit_MaxDepthOne_GrowsStumps()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var model = ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", "gradient_boosting", ("max_depth", "1"), ("max_iterations", "5")));

        var body = Assert.IsType<Trees.TreeEnsembleBody>(model.Body);
        Assert.Equal(5, body.Trees.Count);
        Assert.All(body.Trees, tree => Assert.Equal(3, tree.Nodes.Length));
    }

    [Fact]
    public void Fit_WithProgress_ReportsEveryBoostingIteration()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        var reports = new List<TrainingProgress>();

        ModelTrainer.Fit(train, Specs.Of(TaskKind.Binary, "churn", "gradient_boosting", ("max_iterations", "7")), new SynchronousProgress(reports.Add));

        Assert.Equal(Enumerable.Range(1, 7), reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(("boosting", 7), (r.Stage, r.Total)));
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
