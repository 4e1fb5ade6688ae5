namespace ModelPipeline.Evaluation.Tests;

public sealed class BinaryMetricsTests
{
    public static TheoryData<string> Cases => ["hand_binary", "all_tied", "none_positive", "breast_cancer", "churn", "churn_weak"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_SklearnFixture_EveryMetricAgreesTo1e9(string name)
    {
        var (labels, scores) = Fixture.Binary(name);
        var expected = Fixture.Case(name);

        var metrics = BinaryMetrics.Compute(["no", "yes"], labels, scores);

        foreach (var metric in MetricNames.Binary)
        {
            Near.Equal(expected.Number(metric), metrics[metric], $"{name} {metric}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Confusion_SklearnFixture_SameCounts(string name)
    {
        var (labels, scores) = Fixture.Binary(name);

        var confusion = BinaryMetrics.Confusion(["no", "yes"], labels, scores);

        Assert.Equal(Fixture.Case(name).Matrix("confusion"), confusion.Counts);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RocCurve_SklearnFixture_SamePointsAndThresholds(string name)
    {
        var (labels, scores) = Fixture.Binary(name);
        var expected = Fixture.Case(name).GetProperty("roc");

        var roc = BinaryMetrics.RocCurve(labels, scores);

        Near.Equal(expected.Numbers("fpr"), roc.FalsePositiveRate, $"{name} fpr");
        Near.Equal(expected.Numbers("tpr"), roc.TruePositiveRate, $"{name} tpr");
        Near.Equal(expected.Numbers("thresholds"), roc.Thresholds, $"{name} thresholds");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrecisionRecallCurve_SklearnFixture_SamePointsAndThresholds(string name)
    {
        var (labels, scores) = Fixture.Binary(name);
        var expected = Fixture.Case(name).GetProperty("pr");

        var pr = BinaryMetrics.PrecisionRecallCurve(labels, scores);

        Near.Equal(expected.Numbers("precision"), pr.Precision, $"{name} precision");
        Near.Equal(expected.Numbers("recall"), pr.Recall, $"{name} recall");
        Near.Equal(expected.Numbers("thresholds"), pr.Thresholds, $"{name} thresholds");
    }

    [Theory]
    [InlineData("hand_binary")]
    [InlineData("breast_cancer")]
    public void LogLoss_Epsilon1e15_MatchesSklearnWithSameEps(string name)
    {
        var (labels, scores) = Fixture.Binary(name);

        var loss = BinaryMetrics.LogLoss(labels, scores, epsilon: 1e-15);

        Near.Equal(Fixture.Case(name).Number("log_loss_eps_1e-15"), loss, name);
    }

    [Fact]
    public void Auc_OnlyOneClass_IsNaN()
    {
        Assert.True(double.IsNaN(BinaryMetrics.Auc([1, 1, 1], [0.2, 0.5, 0.9])));
    }

    [Fact]
    public void Accuracy_ScoreExactlyAtThreshold_CountsAsPositive()
    {
        Assert.Equal(1.0, BinaryMetrics.Accuracy([1, 0], [0.5, 0.49]));
    }

    [Fact]
    public void Compute_LabelOtherThanZeroOrOne_ThrowsClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Compute(["a", "b"], [0, 2], [0.1, 0.9]));
        Assert.Contains("must be 0 or 1, got 2", error.Message);
    }

    [Fact]
    public void Compute_NaNScore_ThrowsClearMessage()
    {
        var error = Assert.Throws<ArgumentException>(() => BinaryMetrics.Auc([0, 1], [0.1, double.NaN]));
        Assert.Contains("Score of row 1", error.Message);
    }
}
