namespace ModelPipeline.Evaluation.Tests;

/// <summary>The gate's significance rules on two real churn models.</summary>
public sealed partial class PromotionGateTests
{
    [Theory]
    [InlineData(SignificanceTest.DeLong, MetricNames.Auc)]
    [InlineData(SignificanceTest.Bootstrap, MetricNames.Auc)]
    [InlineData(SignificanceTest.McNemar, MetricNames.Accuracy)]
    public void Decide_ClearlyBetterModel_PassesSignificance(SignificanceTest test, string metric)
    {
        var gate = new PromotionGate(new GateRules { PrimaryMetric = metric, Significance = new SignificanceRule(test, Alpha: 0.05, Resamples: 500, Seed: 1) });

        var decision = gate.Decide(Models.ChurnLogreg(), Models.ChurnWeak());

        Assert.True(decision.Promote, decision.Verdict);
        Assert.True(decision.PValue < 0.01, decision.Verdict);
    }

    [Theory]
    [InlineData(SignificanceTest.DeLong)]
    [InlineData(SignificanceTest.Bootstrap)]
    public void Decide_NearIdenticalModel_FailsSignificance(SignificanceTest test)
    {
        var champion = Models.ChurnLogreg();
        var challenger = Models.ChurnLogregWobble(0.002);
        Assert.True(challenger.Metrics[MetricNames.Auc] > champion.Metrics[MetricNames.Auc], "the wobble must gain a little AUC");
        var gate = new PromotionGate(new GateRules { PrimaryMetric = MetricNames.Auc, Significance = new SignificanceRule(test, Resamples: 500, Seed: 1) });

        var decision = gate.Decide(challenger, champion);

        Assert.False(decision.Promote);
        Assert.True(decision.Checks.Single(c => c.Name == "improvement auc").Passed);
        Assert.Contains("not significant at alpha 0.0500", decision.Verdict);
    }

    [Fact]
    public void Decide_BootstrapSignificance_SameSeedSameDecision()
    {
        var gate = new PromotionGate(new GateRules { PrimaryMetric = MetricNames.F1, Significance = new SignificanceRule(SignificanceTest.Bootstrap, Resamples: 300, Seed: 4) });

        var first = gate.Decide(Models.ChurnLogreg(), Models.ChurnWeak());
        var second = gate.Decide(Models.ChurnLogreg(), Models.ChurnWeak());

        Assert.Equal(first.Verdict, second.Verdict);
        Assert.Equal(first.PValue, second.PValue);
    }
}
