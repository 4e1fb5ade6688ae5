namespace ModelPipeline.Evaluation.Tests;

public sealed class DeLongTestTests
{
    [Fact]
    public void Compare_ChurnLogregVsWeakModel_MatchesNumpyReference()
    {
        var (labels, strong) = Fixture.Binary("churn");
        var (_, weak) = Fixture.Binary("churn_weak");
        var expected = Fixture.Case("churn_delong");

        var result = DeLongTest.Compare(labels, strong, weak);

        Near.Equal(expected.Number("auc_a"), result.AucA, "auc a");
        Near.Equal(expected.Number("auc_b"), result.AucB, "auc b");
        Near.Equal(expected.Number("se"), result.StandardError, "standard error");
        Near.Equal(expected.Number("z"), result.Z, "z");
        Near.Equal(expected.Number("p"), result.PValue, "p");
    }

    [Fact]
    public void Compare_HandMadeWithTies_MatchesBruteForceCheckedReference()
    {
        var c = Fixture.Case("hand_delong");

        var result = DeLongTest.Compare(c.Integers("labels"), c.Numbers("a"), c.Numbers("b"));

        Near.Equal(c.Number("z"), result.Z, "z");
        Near.Equal(c.Number("p"), result.PValue, "p");
    }

    [Fact]
    public void Compare_SameScores_PValueIsOne()
    {
        var (labels, scores) = Fixture.Binary("churn");

        var result = DeLongTest.Compare(labels, scores, scores);

        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void Compare_SwappedModels_SameP_OppositeZ()
    {
        var (labels, strong) = Fixture.Binary("churn");
        var (_, weak) = Fixture.Binary("churn_weak");

        var ab = DeLongTest.Compare(labels, strong, weak);
        var ba = DeLongTest.Compare(labels, weak, strong);

        Near.Equal(-ab.Z, ba.Z, "z");
        Near.Equal(ab.PValue, ba.PValue, "p");
    }
}
