namespace ModelPipeline.Evaluation.Tests;

public sealed class McNemarTestTests
{
    [Fact]
    public void Compare_ChurnLogregVsWeakModel_MatchesScipyChiSquare()
    {
        var (labels, strong) = Fixture.Binary("churn");
        var (_, weak) = Fixture.Binary("churn_weak");
        var expected = Fixture.Case("churn_mcnemar");

        var result = McNemarTest.Compare(labels, Classes(strong), Classes(weak));

        Assert.Equal(expected.GetProperty("only_a").GetInt32(), result.OnlyACorrect);
        Assert.Equal(expected.GetProperty("only_b").GetInt32(), result.OnlyBCorrect);
        Near.Equal(expected.Number("chi2"), result.ChiSquare, "chi2");
        Near.Equal(expected.Number("p"), result.PValue, "p");
    }

    [Fact]
    public void Compare_NoDisagreement_PValueIsOne()
    {
        var result = McNemarTest.Compare([0, 1, 1], [0, 1, 0], [0, 1, 0]);

        Assert.Equal(1.0, result.PValue);
    }

    private static int[] Classes(double[] scores) => Array.ConvertAll(scores, s => s >= 0.5 ? 1 : 0);
}
