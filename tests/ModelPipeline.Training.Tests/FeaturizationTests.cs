using ModelPipeline.Data;
using ModelPipeline.Training.Features;

namespace ModelPipeline.Training.Tests;

public sealed class FeaturizationTests
{
    private static readonly double[] Values = [1, 2, 2, double.NaN, 10];

    [Theory]
    [InlineData("median", 2.0)]
    [InlineData("mean", 3.75)]
    [InlineData("most_frequent", 2.0)]
    [InlineData("zero", 0.0)]
    public void NumericTransform_Impute_FillsLikeScikitLearn(string impute, double fill)
    {
        var transform = NumericTransform.Fit(0, Values, new FeatureOptions { NumericImpute = impute, Scale = "none" });

        Assert.Equal(fill, transform.Fill);
        Assert.Equal(fill, transform.Apply(double.NaN));
    }

    [Fact]
    public void NumericTransform_Standard_UsesPopulationDeviationOfImputedValues()
    {
        var transform = NumericTransform.Fit(0, Values, new FeatureOptions());

        // numpy: x = [1, 2, 2, 2, 10]; x.mean() = 3.4, x.std() = 3.3226495451672298 (/usr/bin/python3, numpy 1.24.2)
        Assert.Equal(3.4, transform.Center, 12);
        Assert.Equal(3.3226495451672298, transform.Scale, 12);
    }

    [Fact]
    public void NumericTransform_MinMax_MapsToUnitInterval()
    {
        var transform = NumericTransform.Fit(0, Values, new FeatureOptions { Scale = "minmax" });

        Assert.Equal(0.0, transform.Apply(1));
        Assert.Equal(1.0, transform.Apply(10));
    }

    [Fact]
    public void OneHotTransform_MoreLevelsThanMax_RareLevelsShareUnknownBucket()
    {
        int[] codes = [0, 0, 0, 1, 1, 2, 3, -1];
        var transform = OneHotTransform.Fit(5, codes, 4, new FeatureOptions { MaxCategories = 2 });

        Assert.Equal(5, transform.SlotFor(0));
        Assert.Equal(6, transform.SlotFor(1));
        Assert.Equal(7, transform.SlotFor(2));
        Assert.Equal(7, transform.SlotFor(3));
        Assert.Equal(7, transform.SlotFor(BoundInputs.Unknown));
        Assert.Equal(5, transform.SlotFor(BoundInputs.Missing));
        Assert.Equal(3, transform.Width(5));
    }

    [Fact]
    public void OneHotTransform_ImputeUnknown_MissingGoesToUnknownBucket()
    {
        var transform = OneHotTransform.Fit(0, [0, 1, -1], 2, new FeatureOptions { CategoricalImpute = "unknown" });

        Assert.Equal(2, transform.SlotFor(BoundInputs.Missing));
    }

    [Fact]
    public void Fit_ColumnWithMissingNumbers_TrainsAndPredicts()
    {
        var x = Enumerable.Range(0, 60).Select(i => i % 7 == 0 ? double.NaN : i).ToArray();
        var y = Enumerable.Range(0, 60).Select(i => i < 30 ? 0.0 : 1.0).ToArray();
        var frame = new Frame([Column.Numeric("x", x), Column.Numeric("y", y)]);

        foreach (var trainer in new[] { "logistic_regression", "gradient_boosting" })
        {
            var model = ModelTrainer.Fit(frame, new TrainingSpec(TaskKind.Binary, "y", new Dictionary<string, string> { ["max_iterations"] = "10" }) { TrainerType = trainer });
            Assert.All(model.Predict(frame).PositiveScores(), p => Assert.True(double.IsFinite(p)));
        }
    }
}
