using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

public sealed class HyperparameterSearchTests
{
    private static readonly TrainingSpec Churn = new(TaskKind.Binary, "churn", new Dictionary<string, string>());

    private static readonly SearchSpace L2Grid = new([SearchDimension.OneOf("l2", 0.01, 1, 100)]);

    [Fact]
    public void Run_GridOnChurnL2_PicksAWeakPenaltyAndRecordsEveryTrial()
    {
        var frame = TestData.Read("churn.csv");
        var progress = new List<SearchProgress>();

        var result = HyperparameterSearch.Run(frame, Churn, L2Grid, new SearchOptions { Folds = 3, Seed = 1 }, new Collecting(progress));

        Assert.Equal(MetricNames.Auc, result.Metric);
        Assert.Equal(["0.01", "1", "100"], result.Trials.Select(t => t.Parameters["l2"]));
        Assert.NotEqual("100", result.BestParameters["l2"]);
        Assert.Equal(result.Trials.Max(t => t.MeanScore), result.BestScore);
        Assert.All(result.Trials, t => Assert.Equal(3, t.Score!.FoldScores.Length));
        Assert.All(result.Trials, t => Assert.True(t.Duration > TimeSpan.Zero));
        Assert.Equal(3, progress.Count);
        Assert.Equal(result.BestParameters["l2"], result.BestSpec(Churn).Parameters["l2"]);
        Console.WriteLine(string.Join("; ", result.Trials.Select(t => $"l2={t.Parameters["l2"]}: {t.Score}")));
    }

    [Fact]
    public void Run_RandomSearch_RespectsBudgetAndSameSeedGivesSameResultWhateverParallelism()
    {
        var frame = Subset(TestData.Read("churn.csv"), 1500);
        var space = new SearchSpace([SearchDimension.LogUniform("l2", 0.001, 1000), SearchDimension.Integers("max_iterations", 50, 200)]);
        var options = new SearchOptions { Strategy = SearchStrategy.Random, MaxTrials = 3, Folds = 2, Seed = 11 };

        var sequential = HyperparameterSearch.Run(frame, Churn, space, options);
        var parallel = HyperparameterSearch.Run(frame, Churn, space, options with { Parallelism = 2 });

        Assert.Equal(3, sequential.Trials.Count);
        Assert.Equal(sequential.BestTrial, parallel.BestTrial);
        Assert.Equal(sequential.Trials.Select(t => t.Parameters), parallel.Trials.Select(t => t.Parameters));
        Assert.Equal(sequential.Trials.Select(t => t.MeanScore), parallel.Trials.Select(t => t.MeanScore));
    }

    [Fact]
    public void TrialList_Random_SeededAndWithinRanges()
    {
        var space = new SearchSpace([SearchDimension.LogUniform("l2", 0.01, 100), SearchDimension.Integers("depth", 2, 4), SearchDimension.OneOf("mode", "a", "b")]);
        var options = new SearchOptions { Strategy = SearchStrategy.Random, MaxTrials = 25, Seed = 5 };

        var first = HyperparameterSearch.TrialList(space, options);
        var again = HyperparameterSearch.TrialList(space, options);
        var other = HyperparameterSearch.TrialList(space, options with { Seed = 6 });

        Assert.Equal(25, first.Count);
        Assert.Equal(first, again, new TrialComparer());
        Assert.NotEqual(first, other, new TrialComparer());
        Assert.All(first, t => Assert.InRange(double.Parse(t["l2"], System.Globalization.CultureInfo.InvariantCulture), 0.01, 100));
        Assert.All(first, t => Assert.Contains(t["depth"], new[] { "2", "3", "4" }));
        Assert.Equal(["2", "3", "4"], first.Select(t => t["depth"]).Distinct().Order());
    }

    [Fact]
    public void TrialList_GridWithBudget_TakesTheFirstCombinations()
    {
        var space = new SearchSpace([SearchDimension.OneOf("a", "1", "2"), SearchDimension.OneOf("b", "x", "y", "z")]);

        var trials = HyperparameterSearch.TrialList(space, new SearchOptions { MaxTrials = 4 });

        Assert.Equal(["1x", "1y", "1z", "2x"], trials.Select(t => t["a"] + t["b"]));
    }

    [Fact]
    public void Run_GridOverContinuousRange_ThrowsClearMessage()
    {
        var space = new SearchSpace([SearchDimension.Uniform("l2", 0, 1)]);

        var error = Assert.Throws<SearchException>(() => HyperparameterSearch.Run(Subset(TestData.Read("churn.csv"), 100), Churn, space, new SearchOptions()));

        Assert.StartsWith("Grid search needs a list of values for 'l2'", error.Message);
    }

    [Fact]
    public void Run_UnknownParameter_EveryTrialFails_ThrowsWithTrainersMessage()
    {
        var space = new SearchSpace([SearchDimension.OneOf("l3", 1.0)]);

        var error = Assert.Throws<SearchException>(() =>
            HyperparameterSearch.Run(Subset(TestData.Read("churn.csv"), 300), Churn, space, new SearchOptions { Folds = 2 }));

        Assert.StartsWith("Every search trial failed; trial 0 (l3=1): ", error.Message);
    }

    [Fact]
    public void Run_TimeBudgetSpent_LaterTrialsSkipped()
    {
        var clock = new SteppingClock(TimeSpan.FromMinutes(1));
        var options = new SearchOptions { Folds = 2, MaxTime = TimeSpan.FromSeconds(90), Clock = clock };

        var result = HyperparameterSearch.Run(Subset(TestData.Read("churn.csv"), 300), Churn, L2Grid, options);

        Assert.False(result.Trials[0].Skipped);
        Assert.True(result.Trials[^1].Skipped);
        Assert.Equal(0, result.BestTrial);
    }

    private static Frame Subset(Frame frame, int rows) => frame.Take([.. Enumerable.Range(0, rows)]);

    private sealed class Collecting(List<SearchProgress> into) : IProgress<SearchProgress>
    {
        public void Report(SearchProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }

    /// <summary>Every reading of the clock moves it forward by a fixed step.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }

    private sealed class TrialComparer : IEqualityComparer<IReadOnlyDictionary<string, string>>
    {
        public bool Equals(IReadOnlyDictionary<string, string>? x, IReadOnlyDictionary<string, string>? y) =>
            x!.Count == y!.Count && x.All(p => y.TryGetValue(p.Key, out var v) && v == p.Value);

        public int GetHashCode(IReadOnlyDictionary<string, string> obj) => obj.Count;
    }
}
