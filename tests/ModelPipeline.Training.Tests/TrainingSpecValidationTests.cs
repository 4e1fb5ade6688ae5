using ModelPipeline.Data;
using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

public sealed class TrainingSpecValidationTests
{
    private static Frame Small => TestData.Read("diabetes_progression.csv");

    [Fact]
    public void Fit_MisspelledTrainer_SuggestsNearestAndListsAll()
    {
        var error = Assert.Throws<TrainingOptionsException>(() => ModelTrainer.Fit(Small, Specs.Of(TaskKind.Regression, "disease_progression", "gradient_boost")));

        Assert.Equal(
            "Unknown trainer type 'gradient_boost'. Did you mean 'gradient_boosting'? Valid trainer types: gradient_boosting, linear_regression, logistic_regression.",
            error.Message);
    }

    [Fact]
    public void Fit_MisspelledParameter_SuggestsNearest()
    {
        var error = Assert.Throws<TrainingOptionsException>(() =>
            ModelTrainer.Fit(Small, Specs.Of(TaskKind.Regression, "disease_progression", "gradient_boosting", ("learning_rat", "0.1"))));

        Assert.StartsWith("Unknown parameter 'learning_rat' for trainer 'gradient_boosting'. Did you mean 'learning_rate'? Valid parameters: early_stopping, l2, learning_rate,", error.Message);
    }

    [Theory]
    [InlineData("learning_rate", "fast", "must be a number > 0; got 'fast'")]
    [InlineData("learning_rate", "-1", "must be a number > 0; got '-1'")]
    [InlineData("max_bins", "300", "must be a whole number >= 2 and <= 255; got '300'")]
    [InlineData("early_stopping", "maybe", "must be one of auto, true, false; got 'maybe'")]
    [InlineData("max_depth", "deep", "must be 'none' or a whole number >= 1; got 'deep'")]
    public void Fit_BadParameterValue_SaysWhatIsExpected(string name, string value, string expected)
    {
        var error = Assert.Throws<TrainingOptionsException>(() =>
            ModelTrainer.Fit(Small, Specs.Of(TaskKind.Regression, "disease_progression", "gradient_boosting", (name, value))));

        Assert.Equal($"Parameter '{name}' of trainer 'gradient_boosting' {expected}.", error.Message);
    }

    [Fact]
    public void Fit_TrainerWrongForTask_ListsTrainersThatFit()
    {
        var error = Assert.Throws<TrainingOptionsException>(() => ModelTrainer.Fit(TestData.Read("churn.csv"), Specs.Of(TaskKind.Binary, "churn", "linear_regression")));

        Assert.Equal("Trainer 'linear_regression' does not do binary tasks; use one of: gradient_boosting, logistic_regression.", error.Message);
    }

    [Fact]
    public void Fit_LabelNotInData_ListsColumns()
    {
        var error = Assert.Throws<TrainingOptionsException>(() => ModelTrainer.Fit(Small, Specs.Of(TaskKind.Regression, "progression", "linear_regression")));

        Assert.StartsWith("Label column 'progression' is not in the data. Columns: age, sex,", error.Message);
    }

    [Fact]
    public void Fit_BinaryTaskWithSixClasses_Refused()
    {
        var error = Assert.Throws<TrainingOptionsException>(() => ModelTrainer.Fit(TestData.Read("satellite.csv"), Specs.Of(TaskKind.Binary, "class", "logistic_regression")));

        Assert.Contains("has 6 classes", error.Message);
    }

    [Fact]
    public void Fit_BadFeatureOption_ListsValidValues()
    {
        var spec = Specs.Of(TaskKind.Regression, "disease_progression", "linear_regression") with { Features = new FeatureOptions { Scale = "standardize" } };

        var error = Assert.Throws<TrainingOptionsException>(() => ModelTrainer.Fit(Small, spec));

        Assert.Equal("Feature option Scale 'standardize' is not valid. Did you mean 'standard'? Valid values: standard, minmax, none.", error.Message);
    }

    [Fact]
    public void Fit_Defaults_AppearInEffectiveParameters()
    {
        var model = ModelTrainer.Fit(Small, Specs.Of(TaskKind.Regression, "disease_progression", "gradient_boosting", ("max_iterations", "3"), ("learning_rate", "0.30")));

        Assert.Equal("3", model.Parameters["max_iterations"]);
        Assert.Equal("0.3", model.Parameters["learning_rate"]);
        Assert.Equal("31", model.Parameters["max_leaves"]);
        Assert.Equal("none", model.Parameters["max_depth"]);
        Assert.Equal("auto", model.Parameters["early_stopping"]);
    }
}
