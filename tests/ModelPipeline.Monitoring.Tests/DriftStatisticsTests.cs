namespace ModelPipeline.Monitoring.Tests;

/// <summary>Against scipy 1.10.1: Fixtures/drift_statistics_reference.py prints every expected value.</summary>
public sealed class DriftStatisticsTests
{
    [Fact]
    public void KsPValue_TwoSmallSamples_EqualsScipyKolmogorovLimit()
    {
        double[] a = [0.1, 0.4, 0.7, 1.3, 2.2, 2.9, 3.1, 3.3, 4.0, 5.5, 6.1, 7.7];
        double[] b = [1.0, 1.9, 2.5, 3.2, 4.4, 5.0, 5.9, 6.6, 7.0, 8.1, 9.3];

        Assert.Equal(0.38636363636363635, DriftStatistics.KsStatistic(a, b), 1e-12);
        Assert.Equal(0.35837925405988036, DriftStatistics.KsPValue(a, b), 1e-9);
    }

    [Fact]
    public void ChiSquaredPValue_CountsAgainstShares_EqualsScipyChisquare()
    {
        Assert.Equal(0.1507423054664231, DriftStatistics.ChiSquaredPValue([0.25, 0.45, 0.2, 0.1], [30, 50, 15, 5]), 1e-9);
    }

    [Fact]
    public void JensenShannon_FlightsLabelRates_EqualsScipyDistance()
    {
        Assert.Equal(0.027437372601049448, DriftStatistics.JensenShannon([0.785, 0.215], [0.816, 0.184]), 1e-9);
    }

    [Fact]
    public void Psi_FourBins_EqualsFormula()
    {
        Assert.Equal(0.07197694378193512, DriftStatistics.Psi([0.1, 0.2, 0.3, 0.4], [0.15, 0.25, 0.2, 0.4]), 1e-12);
    }

    [Fact]
    public void KolmogorovSurvival_BothSeriesBranches_AgreeAtTheirBoundary()
    {
        Assert.Equal(DriftStatistics.KolmogorovSurvival(1.1799999), DriftStatistics.KolmogorovSurvival(1.18), 1e-6);
    }

    [Fact]
    public void RuleFor_SmallAndLargeReferences_FollowEvidentlyDefaults()
    {
        var rules = new DriftRules { Features = new Dictionary<string, FeatureRule> { ["tenure"] = new(DriftTest.Wasserstein) } };
        var small = Distributions.Numeric("x", [.. Enumerable.Range(0, 500).Select(i => (double)i)]);
        var large = Distributions.Numeric("x", [.. Enumerable.Range(0, 5000).Select(i => (double)i)]);
        var levels = Distributions.Categorical("c", [.. Enumerable.Range(0, 5000).Select(i => i % 3)], ["a", "b", "c"]);

        Assert.Equal(new FeatureRule(DriftTest.Ks, 0.05), rules.RuleFor(small));
        Assert.Equal(new FeatureRule(DriftTest.Psi, 0.1), rules.RuleFor(large));
        Assert.Equal(new FeatureRule(DriftTest.JensenShannon, 0.1), rules.RuleFor(levels));
        Assert.Equal(new FeatureRule(DriftTest.Wasserstein, 0.1), rules.RuleFor(large with { Name = "tenure" }));
    }
}
