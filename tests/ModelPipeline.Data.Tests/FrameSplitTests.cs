namespace ModelPipeline.Data.Tests;

public sealed class FrameSplitTests
{
    private static readonly Frame Churn = CsvFrameReader.Read(TestData.PathOf("churn.csv"));

    [Fact]
    public void TrainHoldout_Stratified_KeepsClassShares()
    {
        var (train, holdout) = FrameSplit.TrainHoldout(Churn, 0.2, 42, "churn");

        var label = Churn["churn"].Numbers!;
        double Share(int[] rows) => rows.Count(r => label[r] == 1) / (double)rows.Length;
        Assert.Equal(1409, holdout.Length);
        Assert.Equal(5634, train.Length);
        Assert.Equal(1869 / 7043.0, Share(holdout), 0.001);
        Assert.Equal(1869 / 7043.0, Share(train), 0.001);
    }

    [Fact]
    public void TrainHoldout_SameSeed_SameRows()
    {
        var first = FrameSplit.TrainHoldout(Churn, 0.2, 7, "churn");
        var second = FrameSplit.TrainHoldout(Churn, 0.2, 7, "churn");
        var other = FrameSplit.TrainHoldout(Churn, 0.2, 8, "churn");

        Assert.Equal(first.Holdout, second.Holdout);
        Assert.Equal(first.Train, second.Train);
        Assert.NotEqual(first.Holdout, other.Holdout);
    }

    [Fact]
    public void TrainHoldout_Unstratified_PartitionsAllRowsSorted()
    {
        var (train, holdout) = FrameSplit.TrainHoldout(Churn, 0.25, 1);

        Assert.Equal(Enumerable.Range(0, Churn.RowCount), train.Concat(holdout).Order());
        Assert.Equal(holdout.Order(), holdout);
        Assert.Equal(train.Order(), train);
    }
}
