using System.Text.Json;
using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

/// <summary>
/// On scikit-learn's own 80/20 split (seed 42) the linear trainers, with their defaults, score what scikit-learn's
/// pipeline scores on the holdout (Fixtures/sklearn_holdout.json from Fixtures/make_sklearn_holdout.py; the figures
/// of tests/data/README.md).
/// </summary>
public sealed class LinearTrainersTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_holdout.json"))).RootElement;

    /// <summary>One-hot keeps every level, as scikit-learn's OneHotEncoder does (the default keeps the 100 most frequent).</summary>
    private static readonly FeatureOptions EveryLevel = new() { MaxCategories = 100_000 };

    [Theory]
    [InlineData("breast_cancer.csv", "malignant")]
    [InlineData("churn.csv", "churn")]
    [InlineData("flights_q1_sample.csv", "delayed")]
    public void LogisticRegression_Binary_AucEqualsScikitLearnsOnTheSameSplit(string file, string label)
    {
        var (train, holdout) = TestData.Split(file, label);
        var model = ModelTrainer.Fit(train, Spec(TaskKind.Binary, label, "logistic_regression"));

        var auc = Metrics.Auc(model.Predict(holdout).PositiveScores(), model.ReadTargets(holdout));

        var expected = Expected(file, "logistic_regression");
        Assert.Equal(expected.GetProperty("n_train").GetInt32(), train.RowCount);
        Assert.Equal(expected.GetProperty("auc").GetDouble(), auc, 1e-4);
    }

    [Fact]
    public void LogisticRegression_SatelliteMultinomial_MacroF1EqualsScikitLearnsOnTheSameSplit()
    {
        var (train, holdout) = TestData.Split("satellite.csv", "class");
        var model = ModelTrainer.Fit(train, Spec(TaskKind.Multiclass, "class", "logistic_regression"));

        var targets = model.ReadTargets(holdout);
        var predicted = model.Predict(holdout).Values;

        var expected = Expected("satellite.csv", "logistic_regression");
        Assert.Equal(6, model.Schema.Classes.Count);
        Assert.Equal(expected.GetProperty("n_train").GetInt32(), train.RowCount);
        Assert.Equal(expected.GetProperty("accuracy").GetDouble(), Metrics.Accuracy(predicted, targets), 1e-3);
        Assert.Equal(expected.GetProperty("macro_f1").GetDouble(), Metrics.MacroF1(predicted, targets), 1e-3);
    }

    [Fact]
    public void LinearRegression_Diabetes_R2EqualsScikitLearnRidgeOnTheSameSplit()
    {
        var (train, holdout) = TestData.Split("diabetes_progression.csv", "disease_progression", stratify: false);
        var model = ModelTrainer.Fit(train, Spec(TaskKind.Regression, "disease_progression", "linear_regression"));

        var r2 = Metrics.R2(model.Predict(holdout).Values, model.ReadTargets(holdout));

        var expected = Expected("diabetes_progression.csv", "linear_regression");
        Assert.Equal(expected.GetProperty("n_train").GetInt32(), train.RowCount);
        Assert.Equal(expected.GetProperty("r2").GetDouble(), r2, 1e-9);
    }

    private static TrainingSpec Spec(TaskKind task, string label, string trainer) =>
        Specs.Of(task, label, trainer) with { Features = EveryLevel, IgnoredColumns = ["date"] };

    private static JsonElement Expected(string file, string trainer) => Reference.GetProperty($"{file}:{trainer}");
}
