using System.Text.Json;

namespace ModelPipeline.Data.Tests;

/// <summary>
/// <see cref="FrameSplit"/> gives exactly the rows scikit-learn's <c>train_test_split</c> gives, in its order
/// (Fixtures/sklearn_splits.json, made by Fixtures/make_sklearn_splits.py with Debian's python3-sklearn 1.2.1).
/// </summary>
public sealed class SklearnSplitsTests
{
    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_splits.json"))).RootElement;

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Fixture.GetProperty("cases").GetArrayLength())];

    [Fact]
    public void NumpyRandomState_Seed42_GivesNumpysRawDrawsAndPermutation()
    {
        var random = new NumpyRandomState(42);
        var draws = Enumerable.Range(0, 1000).Select(_ => (long)random.NextUInt32()).ToArray();

        long[] picked = [draws[0], draws[1], draws[2], draws[623], draws[624], draws[999]];
        Assert.Equal(Longs(Fixture.GetProperty("random_raw_seed_42")), picked);
        Assert.Equal(Ints(Fixture.GetProperty("permutation_10_seed_42")), new NumpyRandomState(42).Permutation(10));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShuffledTrainHoldout_EqualsScikitLearnsTrainTestSplit(int index)
    {
        var split = Fixture.GetProperty("cases")[index];
        var frame = FrameOf(split);
        var stratifyBy = split.GetProperty("stratify").GetBoolean() ? frame.Columns[^1].Name : null;
        var fraction = split.GetProperty("test_size").GetDouble();
        var seed = split.GetProperty("seed").GetInt32();

        var (train, holdout) = FrameSplit.ShuffledTrainHoldout(frame, fraction, seed, stratifyBy);
        var sorted = FrameSplit.TrainHoldout(frame, fraction, seed, stratifyBy);

        Assert.Equal(split.GetProperty("rows").GetInt32(), frame.RowCount);
        Assert.Equal(Ints(split.GetProperty("test")), holdout);
        if (split.TryGetProperty("train", out var expectedTrain))
        {
            Assert.Equal(Ints(expectedTrain), train);
        }

        Assert.Equal(holdout.Order(), sorted.Holdout);
        Assert.Equal(train.Order(), sorted.Train);
        Assert.Equal(Enumerable.Range(0, frame.RowCount), train.Concat(holdout).Order());
    }

    [Theory]
    [InlineData(569, 114)]
    [InlineData(6435, 1287)]
    [InlineData(442, 89)]
    [InlineData(7043, 1409)]
    public void TrainHoldout_HoldoutIsCeilingOfTheFraction(int rows, int expectedHoldout)
    {
        var frame = new Frame([Column.Numeric("x", new double[rows])]);

        var (train, holdout) = FrameSplit.TrainHoldout(frame, 0.2, 42);

        Assert.Equal(expectedHoldout, holdout.Length);
        Assert.Equal(rows - expectedHoldout, train.Length);
    }

    [Fact]
    public void TrainHoldout_ClassWithOneRow_FailsNamingTheColumnClassAndRow()
    {
        var frame = new Frame([Column.Numeric("y", [0, 0, 0, 0, 1, 1, 2, 1, 1])]);

        var error = Assert.Throws<SplitImpossibleException>(() => FrameSplit.TrainHoldout(frame, 0.4, 42, "y"));

        Assert.Equal("cannot stratify by 'y': its class '2' has only 1 row (row 7); each class needs at least 2", error.Message);
    }

    [Theory]
    [InlineData(0, "there are no data rows to train on")]
    [InlineData(1, "1 data row(s) are too few: a holdout of 0.2 of them leaves no rows to train on")]
    public void TrainHoldout_TooFewRows_SaysSoWithoutInternalNames(int rows, string expected)
    {
        var frame = new Frame([Column.Numeric("y", new double[rows])]);

        var error = Assert.Throws<SplitImpossibleException>(() => FrameSplit.TrainHoldout(frame, 0.2, 42));

        Assert.Equal(expected, error.Message);
    }

    private static Frame FrameOf(JsonElement split)
    {
        var data = split.GetProperty("data").GetString()!;
        if (!data.StartsWith("synthetic", StringComparison.Ordinal))
        {
            var label = split.GetProperty("label").GetString()!;
            var read = CsvFrameReader.Read(TestData.PathOf(data));
            return new Frame([read[label]]);
        }

        var values = Fixture.GetProperty(data);
        if (values[0].ValueKind == JsonValueKind.Number)
        {
            return new Frame([Column.Numeric("y", [.. values.EnumerateArray().Select(v => v.GetDouble())])]);
        }

        // Levels in first-seen order, as the CSV reader codes them; the split must still sort them by text.
        var texts = values.EnumerateArray().Select(v => v.GetString()!).ToArray();
        var levels = texts.Distinct().ToArray();
        return new Frame([Column.Categorical("y", [.. texts.Select(t => Array.IndexOf(levels, t))], levels)]);
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetInt32())];

    private static long[] Longs(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetInt64())];
}
