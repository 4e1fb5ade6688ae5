using ModelPipeline.Data;
using ModelPipeline.Training.Tests.Support;

namespace ModelPipeline.Training.Tests;

public sealed class TrainedModelTests
{
    private static readonly Lazy<TrainedModel> ChurnLogistic = new(() =>
        ModelTrainer.Fit(TestData.Read("churn.csv"), Specs.Of(TaskKind.Binary, "churn", "logistic_regression")));

    private static readonly Lazy<TrainedModel> ChurnBoosting = new(() =>
        ModelTrainer.Fit(TestData.Read("churn.csv"), Specs.Of(TaskKind.Binary, "churn", "gradient_boosting", ("max_iterations", "20"))));

    [Fact]
    public void Predict_FrameWithoutInputColumn_NamesColumnAndKind()
    {
        var frame = TestData.Read("churn.csv").Without("tenure");

        var error = Assert.Throws<ModelSchemaException>(() => ChurnLogistic.Value.Predict(frame));

        Assert.Equal("input lacks column 'tenure' (numeric)", error.Message);
        Assert.Equal(["tenure"], error.Columns);
    }

    [Fact]
    public void Predict_TextWhereNumberExpected_NamesColumn()
    {
        var frame = Frames.WithCategory(TestData.Read("churn.csv"), 5, "monthly_charges", "expensive");

        var error = Assert.Throws<ModelSchemaException>(() => ChurnLogistic.Value.Predict(frame));

        Assert.Contains("'monthly_charges'", error.Message);
    }

    [Fact]
    public void Predict_ExtraColumnsAndNoLabel_Ignored()
    {
        var frame = TestData.Read("churn.csv");
        var bare = new Frame([.. frame.Without("churn").Columns.Reverse(), Column.Numeric("extra", new double[frame.RowCount])]);

        Assert.Equal(ChurnLogistic.Value.Predict(frame).Probabilities, ChurnLogistic.Value.Predict(bare).Probabilities);
    }

    [Fact]
    public void Predict_CategoryUnseenInTraining_UsesUnknownBucket()
    {
        var frame = Frames.WithCategory(TestData.Read("churn.csv"), 10, "contract", "Ten year");

        foreach (var model in new[] { ChurnLogistic.Value, ChurnBoosting.Value })
        {
            var scores = model.Predict(frame).PositiveScores();
            Assert.All(scores, s => Assert.InRange(s, 0.0, 1.0));
        }
    }

    [Fact]
    public void Predict_BoostingUnseenCategory_GoesWhereMissingGoes()
    {
        var churn = TestData.Read("churn.csv");
        var unseen = Frames.WithCategory(churn, 10, "payment_method", "Bitcoin");
        var head = churn.Take([.. Enumerable.Range(0, 10)]);
        var missing = new Frame([.. head.Columns.Select(c => c.Name == "payment_method" ? Column.Categorical(c.Name, [.. Enumerable.Repeat(-1, 10)], []) : c)]);

        Assert.Equal(ChurnBoosting.Value.Predict(missing).Probabilities, ChurnBoosting.Value.Predict(unseen).Probabilities);
    }

    [Fact]
    public void Predict_Binary_ProbabilitiesSumToOneAndClassFollowsThreshold()
    {
        var predictions = ChurnBoosting.Value.Predict(TestData.Read("churn.csv"));

        for (var row = 0; row < predictions.RowCount; row += 97)
        {
            Assert.Equal(1.0, predictions.Probabilities![2 * row] + predictions.Probabilities[(2 * row) + 1], 12);
            Assert.Equal(predictions.Probabilities[(2 * row) + 1] >= 0.5 ? 1.0 : 0.0, predictions.Values[row]);
        }
    }

    [Fact]
    public void ReadTargets_UnknownClass_NamesRow()
    {
        var frame = Frames.Of(Column.Categorical("churn", [0, 0, 1], ["0", "maybe"]));

        var error = Assert.Throws<ModelSchemaException>(() => ChurnLogistic.Value.ReadTargets(frame));

        Assert.Contains("'maybe' in row 3", error.Message);
    }

    [Fact]
    public void ReadTargets_MissingLabel_NamesRow()
    {
        var frame = Frames.Of(Column.Numeric("churn", [1, double.NaN]));

        var error = Assert.Throws<ModelSchemaException>(() => ChurnLogistic.Value.ReadTargets(frame));

        Assert.Contains("row 2", error.Message);
    }

    [Fact]
    public void ReadTargets_LabelColumnAbsent_NamesIt()
    {
        var error = Assert.Throws<ModelSchemaException>(() => ChurnLogistic.Value.ReadTargets(TestData.Read("churn.csv").Without("churn")));

        Assert.Contains("'churn'", error.Message);
    }

    [Fact]
    public void Schema_Churn_DescribesInputsAndClasses()
    {
        var schema = ChurnLogistic.Value.Schema;

        Assert.Equal(["0", "1"], schema.Classes);
        Assert.Equal(19, schema.Inputs.Count);
        var contract = schema.Inputs.Single(i => i.Name == "contract");
        Assert.Equal(ColumnKind.Categorical, contract.Kind);
        Assert.Equal(["Month-to-month", "One year", "Two year"], contract.Categories);
    }
}
