namespace ModelPipeline.Evaluation.Tests;

public sealed class CrossValidationTests
{
    [Fact]
    public void Folds_EveryRowIsTestedExactlyOnce()
    {
        var folds = CrossValidation.Folds(103, 5, seed: 1);

        var tested = folds.SelectMany(f => f.Test).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 103), tested);
        Assert.All(folds, f => Assert.Empty(f.Train.Intersect(f.Test)));
        Assert.All(folds, f => Assert.Equal(103, f.Train.Length + f.Test.Length));
        Assert.All(folds, f => Assert.InRange(f.Test.Length, 20, 21));
    }

    [Fact]
    public void Folds_Stratified_KeepsClassShareInEachFold()
    {
        var strata = Enumerable.Range(0, 1000).Select(i => i % 4 == 0 ? 1 : 0).ToArray();

        var folds = CrossValidation.Folds(strata.Length, 5, seed: 2, strata);

        Assert.All(folds, f => Assert.Equal(50, f.Test.Count(row => strata[row] == 1)));
    }

    [Fact]
    public void Folds_SameSeed_SameFolds_OtherSeed_OtherFolds()
    {
        var a = CrossValidation.Folds(50, 3, seed: 9);
        var b = CrossValidation.Folds(50, 3, seed: 9);
        var c = CrossValidation.Folds(50, 3, seed: 10);

        Assert.Equal(a.Select(f => f.Test), b.Select(f => f.Test));
        Assert.NotEqual(a.Select(f => f.Test), c.Select(f => f.Test));
    }

    [Fact]
    public void Folds_OneFold_ThrowsClearMessage()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.Folds(10, 1, seed: 0));
        Assert.Contains("at least 2 folds", error.Message);
    }
}
