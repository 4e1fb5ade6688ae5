namespace ModelPipeline.Evaluation.Tests;

public sealed class RegressionMetricsTests
{
    [Theory]
    [InlineData("hand_regression")]
    [InlineData("diabetes")]
    public void Compute_SklearnFixture_RmseMaeR2Agree(string name)
    {
        var (actual, predicted) = Load(name);
        var expected = Fixture.Case(name);

        var metrics = RegressionMetrics.Compute(actual, predicted);

        foreach (var metric in MetricNames.Regression)
        {
            Near.Equal(expected.Number(metric), metrics[metric], $"{name} {metric}");
        }
    }

    [Fact]
    public void R2_ConstantTargetPredictedExactly_IsOne()
    {
        Assert.Equal(1.0, RegressionMetrics.R2([2, 2, 2], [2, 2, 2]));
    }

    [Fact]
    public void R2_ConstantTargetMissed_IsZero()
    {
        Assert.Equal(0.0, RegressionMetrics.R2([2, 2, 2], [1, 2, 3]));
    }

    private static (double[] Actual, double[] Predicted) Load(string name)
    {
        if (name == "diabetes")
        {
            var columns = Fixture.Columns("diabetes_holdout.csv");
            return (columns["actual"], columns["predicted"]);
        }

        var c = Fixture.Case(name);
        return (c.Numbers("actual"), c.Numbers("predicted"));
    }
}
