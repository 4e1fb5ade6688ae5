namespace ModelPipeline.Evaluation.Tests;

public sealed class MulticlassMetricsTests
{
    public static TheoryData<string> Cases => ["hand_multiclass", "absent_class", "satellite"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_SklearnFixture_EveryMetricAndConfusionAgree(string name)
    {
        var (labels, probabilities, classes) = Load(name);
        var expected = Fixture.Case(name);

        var metrics = MulticlassMetrics.Compute(classes, labels, probabilities);

        foreach (var metric in MetricNames.Multiclass)
        {
            Near.Equal(expected.Number(metric), metrics[metric], $"{name} {metric}");
        }

        Assert.Equal(expected.Matrix("confusion"), metrics.Confusion!.Counts);
    }

    [Fact]
    public void Predict_TiedProbabilities_PicksFirstClassLikeArgmax()
    {
        Assert.Equal([0, 1], MulticlassMetrics.Predict([0.4, 0.4, 0.2, 0.1, 0.45, 0.45], 3, 2));
    }

    [Fact]
    public void Compute_RegressionMetricName_IsNotPresent()
    {
        var (labels, probabilities, classes) = Load("hand_multiclass");

        var metrics = MulticlassMetrics.Compute(classes, labels, probabilities);

        var error = Assert.Throws<UnknownMetricException>(() => metrics[MetricNames.Rmse]);
        Assert.Contains("Unknown metric 'rmse'", error.Message);
    }

    private static (int[] Labels, double[] Probabilities, string[] Classes) Load(string name)
    {
        if (name != "satellite")
        {
            var c = Fixture.Case(name);
            var probabilities = c.Numbers("probabilities");
            var k = probabilities.Length / c.Integers("labels").Length;
            return (c.Integers("labels"), probabilities, [.. Enumerable.Range(0, k).Select(i => $"c{i}")]);
        }

        var columns = Fixture.Columns("satellite_holdout.csv");
        var labels = Array.ConvertAll(columns["label"], l => (int)l);
        var classes = Fixture.Case(name).GetProperty("classes").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var matrix = new double[labels.Length * classes.Length];
        for (var row = 0; row < labels.Length; row++)
        {
            for (var k = 0; k < classes.Length; k++)
            {
                matrix[(row * classes.Length) + k] = columns[$"p{k}"][row];
            }
        }

        return (labels, matrix, classes);
    }
}
