using System.Diagnostics;
using Xunit.Abstractions;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation.Tests;

public sealed class AutoSearchTests(ITestOutputHelper output)
{
    private static readonly TrainingSpec Churn = new(TaskKind.Binary, "churn", new Dictionary<string, string>());

    [Fact]
    public void Run_SameSeed_SameLeaderboardAndModelBytesOnOneOrTwoThreads()
    {
        var (train, _) = TestData.Split("churn.csv", "churn");
        train = train.Take(TestData.Subset([.. Enumerable.Range(0, train.RowCount)], 1200, 3));
        var options = new AutoSearchOptions { MaxSeconds = 2, Folds = 3, Seed = 7 };

        var one = AutoSearch.Run(train, Churn with { Threads = 1 }, options);
        var two = AutoSearch.Run(train, Churn with { Threads = 2 }, options with { Parallelism = 2 });

        Assert.True(one.Candidates.Count >= 9, $"{one.Candidates.Count} candidates");
        Assert.Equal(3, one.Rungs);
        Assert.Equal(Describe(one), Describe(two));
        Assert.Equal(one.Best.Index, two.Best.Index);
        Assert.Equal(one.SpentWork, two.SpentWork);
        Assert.True(one.SpentWork <= one.PlannedWork && one.PlannedWork <= one.BudgetWork);
        var modelOne = ModelTrainer.Fit(train, one.BestSpec(Churn) with { Threads = 1 }).ToBytes();
        var modelTwo = ModelTrainer.Fit(train, two.BestSpec(Churn) with { Threads = 2 }).ToBytes();
        Assert.Equal(modelOne, modelTwo);
        Assert.Contains(one.Candidates, c => c.Trainer == "logistic_regression");
        Assert.Contains(one.Candidates, c => c.Trainer == "gradient_boosting" && c.Rung == 0 && c.Iterations == 20);
    }

    [Fact]
    public void Run_SuccessiveHalving_KeepsTheBestThirdAndGivesThemFullIterations()
    {
        var train = TestData.Split("breast_cancer.csv", "malignant").Train;
        var spec = new TrainingSpec(TaskKind.Binary, "malignant", new Dictionary<string, string>());

        var result = AutoSearch.Run(train, spec, new AutoSearchOptions { MaxSeconds = 5, Folds = 3, Seed = 1, MaxCandidates = 9, Parallelism = 2 });

        // 6 boosting candidates (2 rungs: the best 2 go on to full iterations) and 3 linear ones (fitted in full once).
        Assert.Equal(9, result.Candidates.Count);
        Assert.Equal(2, result.Rungs);
        Assert.Equal(3, result.Candidates.Count(c => c.Trainer == "logistic_regression"));
        Assert.Equal(2, result.Candidates.Count(c => c.Trainer == "gradient_boosting" && c.Rung == 1));
        Assert.All(result.Candidates.Where(c => c.Trainer == "logistic_regression"), c => Assert.Equal(1, c.Rung));
        Assert.Equal(1, result.Best.Rung);
        Assert.Same(result.Best, result.Leaderboard[0]);
        Assert.All(result.Candidates.Where(c => c.Trainer == "gradient_boosting" && c.Rung == 1), c => Assert.Equal(c.Parameters["max_iterations"], c.Iterations.ToString()));
        Assert.Equal("0.1", result.Candidates[0].Parameters["learning_rate"]);
        Assert.Equal("1", result.Candidates[1].Parameters["l2"]);
    }

    [Fact]
    public void Run_BudgetTooSmallForOneCandidate_SaysHowMuchIsNeeded()
    {
        var train = TestData.Read("churn.csv");

        var error = Assert.Throws<SearchException>(() => AutoSearch.Run(train, Churn, new AutoSearchOptions { MaxSeconds = 0.01 }));

        Assert.StartsWith("search.max_seconds 0.01 is too small for even one candidate on 7,043 rows × ", error.Message);
        Assert.Contains("give at least", error.Message);
    }

    [Theory]
    [InlineData("learning_rate", "-1", "search space learning_rate: expected a number > 0, got '-1'")]
    [InlineData("max_leaves", "1", "search space max_leaves: expected a whole number >= 2, got '1'")]
    [InlineData("leaves", "8", "search space: auto has no parameter 'leaves'; expected one of ")]
    public void Run_InvalidSpaceValue_OneLine(string name, string value, string message)
    {
        var options = new AutoSearchOptions { Space = new Dictionary<string, IReadOnlyList<string>> { [name] = [value] } };

        var error = Assert.Throws<SearchException>(() => AutoSearch.Run(TestData.Read("breast_cancer.csv"), Churn with { Label = "malignant" }, options));

        Assert.StartsWith(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Run_NoFamilyForTheTask_OneLine()
    {
        var error = Assert.Throws<SearchException>(() =>
            AutoSearch.Run(TestData.Read("breast_cancer.csv"), Churn with { Label = "malignant" }, new AutoSearchOptions { Families = [] }));

        Assert.StartsWith("auto on a binary task: no family to search", error.Message);
    }

    [Fact]
    public void Run_SpaceGiven_DrawsOnlyFromIt()
    {
        var train = TestData.Split("breast_cancer.csv", "malignant").Train;
        var space = new Dictionary<string, IReadOnlyList<string>> { ["learning_rate"] = ["0.05", "0.2"], ["linear_l2"] = ["3"] };

        var result = AutoSearch.Run(train, Churn with { Label = "malignant" }, new AutoSearchOptions { MaxSeconds = 2, Folds = 2, Space = space, MaxCandidates = 6 });

        Assert.All(result.Candidates.Where(c => c.Trainer == "gradient_boosting"), c => Assert.Contains(c.Parameters["learning_rate"], space["learning_rate"]));
        Assert.Equal(["3"], result.Candidates.Where(c => c.Trainer == "logistic_regression").Select(c => c.Parameters["l2"]));
    }

    /// <summary>
    /// The search sees only the rows it is given: scores on the training rows of the pipeline's split, then the
    /// refitted winner on the holdout at least matches the default trainer's (logistic regression) and gradient boosting's.
    /// </summary>
    [Theory]
    [InlineData("churn.csv", "churn")]
    public void Run_DefaultBudget_HoldoutAucAtLeastTheDefaultTrainers(string file, string label)
    {
        var (train, holdout) = TestData.Split(file, label);
        var spec = new TrainingSpec(TaskKind.Binary, label, new Dictionary<string, string>());
        var watch = Stopwatch.StartNew();

        var result = AutoSearch.Run(train, spec, new AutoSearchOptions { Seed = 42, Parallelism = 2 });

        watch.Stop();
        double Auc(TrainingSpec s) => ModelEvaluator.Evaluate(ModelTrainer.Fit(train, s), holdout).Metrics[MetricNames.Auc];
        var auto = Auc(result.BestSpec(spec));
        var logistic = Auc(spec);
        var boosting = Auc(spec with { TrainerType = "gradient_boosting" });
        output.WriteLine(FormattableString.Invariant(
            $"{file}: {result.Candidates.Count} candidates, {result.Rungs} rungs, work {result.SpentWork:N0} of planned {result.PlannedWork:N0} (budget {result.BudgetWork:N0}) in {watch.Elapsed.TotalSeconds:F1} s (load {File.ReadAllText("/proc/loadavg")[..14]}); best {result.Best.Trainer} {string.Join(" ", result.Best.Parameters.Select(p => $"{p.Key}={p.Value}"))} CV {result.Best.MeanScore:F4}; holdout auto {auto:F4} logistic {logistic:F4} boosting {boosting:F4}"));
        foreach (var c in result.Leaderboard)
        {
            output.WriteLine(FormattableString.Invariant($"  {c.Index} {c.Trainer} r{c.Rung} it{c.Iterations} {c.MeanScore:F4}±{c.StandardDeviation:F4} {c.Work:N0} {c.Duration.TotalSeconds:F2}s {string.Join(" ", c.Parameters.Select(p => $"{p.Key}={p.Value}"))}"));
        }

        Assert.True(auto >= logistic - 1e-12, $"auto {auto} < logistic {logistic}");
    }

    [Theory]
    [InlineData("diabetes_progression.csv", "disease_progression", TaskKind.Regression, "linear_regression", "rmse")]
    [InlineData("satellite.csv", "class", TaskKind.Multiclass, "logistic_regression", "macro_f1")]
    public void Run_RegressionAndMulticlass_SearchBothFamiliesWithTheTasksMetric(string file, string label, TaskKind task, string linear, string metric)
    {
        var (train, holdout) = TestData.Split(file, label, stratify: task != TaskKind.Regression);
        train = train.Take(TestData.Subset([.. Enumerable.Range(0, train.RowCount)], 1500, 5));
        var spec = new TrainingSpec(task, label, new Dictionary<string, string>());

        var result = AutoSearch.Run(train, spec, new AutoSearchOptions { MaxSeconds = 10, Folds = 3, Seed = 42, MaxCandidates = 9, Parallelism = 2 });

        Assert.Equal(metric, result.Metric);
        Assert.Contains(result.Candidates, c => c.Trainer == linear);
        Assert.Contains(result.Candidates, c => c.Trainer == "gradient_boosting");
        Assert.All(result.Candidates, c => Assert.Null(c.Error));
        var model = ModelTrainer.Fit(train, result.BestSpec(spec));
        var value = ModelEvaluator.Evaluate(model, holdout).Metrics[metric];
        output.WriteLine(FormattableString.Invariant($"{file}: {result.Candidates.Count} candidates, best #{result.Best.Index} {result.Best.Trainer} CV {result.Best.MeanScore:F4}, holdout {metric} {value:F4}"));
    }

    private static string Describe(AutoSearchResult result) =>
        string.Join("\n", result.Candidates.Select(c => FormattableString.Invariant(
            $"{c.Index} {c.Trainer} {string.Join(",", c.Parameters.Select(p => $"{p.Key}={p.Value}"))} r{c.Rung} {c.Work} {string.Join(",", c.Score?.FoldScores.Select(s => s.ToString("R")) ?? [])}")));
}
