namespace ModelPipeline.Evaluation.Tests;

public sealed class BootstrapTests
{
    [Fact]
    public void Interval_SameSeed_SameInterval()
    {
        var (labels, scores) = Fixture.Binary("churn");

        var first = Bootstrap.Interval(labels, scores, MetricNames.Auc, resamples: 300, seed: 7);
        var second = Bootstrap.Interval(labels, scores, MetricNames.Auc, resamples: 300, seed: 7);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Interval_ChurnAuc_ContainsEstimateAndIsPlausiblyNarrow()
    {
        var (labels, scores) = Fixture.Binary("churn");

        var interval = Bootstrap.Interval(labels, scores, MetricNames.Auc, seed: 1);

        Near.Equal(Fixture.Case("churn").Number("auc"), interval.Estimate, "estimate");
        Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
        // ~1,400 rows: a 95% AUC interval is a few hundredths wide (DeLong's SE for this model is ~0.011).
        Assert.InRange(interval.Upper - interval.Lower, 0.02, 0.08);
        Assert.Equal(1000, interval.Resamples);
    }

    [Fact]
    public void Interval_HigherLevel_IsWider()
    {
        var (labels, scores) = Fixture.Binary("churn");

        var narrow = Bootstrap.Interval(labels, scores, MetricNames.F1, resamples: 400, level: 0.80, seed: 3);
        var wide = Bootstrap.Interval(labels, scores, MetricNames.F1, resamples: 400, level: 0.99, seed: 3);

        Assert.True(wide.Upper - wide.Lower > narrow.Upper - narrow.Lower);
    }

    [Fact]
    public void Interval_RegressionRmse_Works()
    {
        var columns = Fixture.Columns("diabetes_holdout.csv");
        var evaluation = ModelEvaluator.ScoreRegression(columns["actual"], columns["predicted"]);

        var interval = Bootstrap.Interval(evaluation, MetricNames.Rmse, resamples: 200, seed: 5);

        Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
    }

    [Fact]
    public void Intervals_AllMetricsAtOnce_EachEqualsItsOwnInterval()
    {
        var evaluation = Models.ChurnLogreg();

        var all = Bootstrap.Intervals(evaluation, resamples: 200, seed: 8);

        Assert.Equal(MetricNames.Binary.Order(), all.Keys.Order());
        Assert.Equal(Bootstrap.Interval(evaluation, MetricNames.F1, 200, seed: 8), all[MetricNames.F1]);
        Assert.Equal(Bootstrap.Interval(evaluation, MetricNames.LogLoss, 200, seed: 8), all[MetricNames.LogLoss]);
    }

    [Fact]
    public void Interval_MetricOfAnotherTask_ThrowsUnknownMetric()
    {
        var (labels, scores) = Fixture.Binary("hand_binary");

        Assert.Throws<UnknownMetricException>(() => Bootstrap.Interval(labels, scores, MetricNames.Rmse));
    }
}
