using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

public sealed class LinearTrainersTests
{
    [Fact]
    public void LogisticRegression_Churn_AucNearScikitLearn()
    {
        var (train, holdout) = SharedData.Split("churn.csv", "churn");
        var model = ModelTrainer.Fit(train, new TrainingSpec(TaskKind.Binary, "churn", new Dictionary<string, string>()));

        var auc = Metrics.Auc(model.Predict(holdout).PositiveScores(), model.ReadTargets(holdout));

        Assert.True(auc >= 0.83, $"AUC {auc:F4} < 0.83 (scikit-learn .8419)");
    }

    [Fact]
    public void LogisticRegression_BreastCancer_AucNearScikitLearn()
    {
        var (train, holdout) = SharedData.Split("breast_cancer.csv", "malignant");
        var model = ModelTrainer.Fit(train, new TrainingSpec(TaskKind.Binary, "malignant", new Dictionary<string, string>()));

        var auc = Metrics.Auc(model.Predict(holdout).PositiveScores(), model.ReadTargets(holdout));

        Assert.True(auc >= 0.99, $"AUC {auc:F4} < 0.99 (scikit-learn .9960)");
    }

    [Fact]
    public void LogisticRegression_SatelliteMultinomial_AccuracyNearScikitLearn()
    {
        var (train, holdout) = SharedData.Split("satellite.csv", "class");
        var model = ModelTrainer.Fit(train, new TrainingSpec(TaskKind.Multiclass, "class", new Dictionary<string, string>()));

        var accuracy = Metrics.Accuracy(model.Predict(holdout).Values, model.ReadTargets(holdout));

        Assert.Equal(6, model.Schema.Classes.Count);
        Assert.True(accuracy >= 0.84, $"accuracy {accuracy:F4} < 0.84 (scikit-learn .8664)");
    }

    [Fact]
    public void LinearRegression_Diabetes_R2NearScikitLearn()
    {
        var (train, holdout) = SharedData.Split("diabetes_progression.csv", "disease_progression", stratify: false);
        var model = ModelTrainer.Fit(train, new TrainingSpec(TaskKind.Regression, "disease_progression", new Dictionary<string, string>()) { TrainerType = "linear_regression" });

        var r2 = Metrics.R2(model.Predict(holdout).Values, model.ReadTargets(holdout));

        Assert.True(r2 >= 0.40, $"R² {r2:F4} < 0.40 (scikit-learn .4541)");
    }
}
