using ModelPipeline.Data;
using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

public sealed class LabelEncodingTests
{
    private static Frame YesNo(string yes, string no)
    {
        var x = Enumerable.Range(0, 40).Select(i => (double)i).ToArray();
        var codes = Enumerable.Range(0, 40).Select(i => i < 20 ? 0 : 1).ToArray();
        return Frames.Of(Column.Numeric("x", x), Column.Categorical("answer", codes, [no, yes]));
    }

    [Fact]
    public void Fit_YesNoLabel_YesIsPositive()
    {
        var model = ModelTrainer.Fit(YesNo("Yes", "No"), Specs.Of(TaskKind.Binary, "answer", "logistic_regression"));

        Assert.Equal(["No", "Yes"], model.Schema.Classes);
    }

    [Fact]
    public void Fit_NoConventionalName_SecondInSortedOrderIsPositive()
    {
        var model = ModelTrainer.Fit(YesNo("stayed", "left"), Specs.Of(TaskKind.Binary, "answer", "logistic_regression"));

        Assert.Equal(["left", "stayed"], model.Schema.Classes);
    }

    [Fact]
    public void Fit_PositiveClassGiven_ItIsClassOne()
    {
        var model = ModelTrainer.Fit(YesNo("stayed", "left"), Specs.Of(TaskKind.Binary, "answer", "logistic_regression") with { PositiveClass = "left" });

        Assert.Equal(["stayed", "left"], model.Schema.Classes);
        Assert.True(model.Predict(YesNo("stayed", "left")).PositiveScores()[0] > 0.5);
    }

    [Fact]
    public void Fit_PositiveClassNotALabelValue_Refused()
    {
        var error = Assert.Throws<TrainingOptionsException>(() =>
            ModelTrainer.Fit(YesNo("Yes", "No"), Specs.Of(TaskKind.Binary, "answer", "logistic_regression") with { PositiveClass = "yes" }));

        Assert.Contains("Positive class 'yes'", error.Message);
    }

    [Fact]
    public void Fit_MulticlassLabels_SortedOrdinally()
    {
        var model = ModelTrainer.Fit(TestData.Read("satellite.csv"), Specs.Of(TaskKind.Multiclass, "class", "gradient_boosting", ("max_iterations", "1")));

        Assert.Equal(model.Schema.Classes.Order(StringComparer.Ordinal), model.Schema.Classes);
    }
}
