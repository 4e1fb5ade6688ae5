using System.Globalization;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// <c>trainer.type: auto</c>: picks a trainer family and its hyperparameters by seeded k-fold cross-validation on
/// the rows given (the training rows; the holdout is never passed in), with successive halving (η = 3) so that
/// weak candidates stop after a third or a ninth of their boosting iterations.
/// <para>The budget is work, not time: <see cref="AutoSearchOptions.MaxSeconds"/> × <see cref="WorkPerSecond"/>
/// work units, where a fold fit costs rows × inputs × outputs × (iterations + 2) for gradient boosting and
/// rows × one-hot width × outputs × 30 for a linear trainer. How many candidates are drawn is decided from that
/// before anything runs, so the same data, options and seed give the same leaderboard and winner on any machine and
/// thread count. Wall time enters only the leaderboard's informational durations.</para>
/// </summary>
public static class AutoSearch
{
    /// <summary>The gradient boosting family (<c>gradient_boosting</c>).</summary>
    public const string GradientBoosting = "gradient_boosting";

    /// <summary>The linear family: <c>logistic_regression</c> (classification) or <c>linear_regression</c>.</summary>
    public const string Linear = "linear";

    /// <summary>
    /// Work units per reference second: measured on the 2-core reference machine (docs/pipeline-yaml.md,
    /// trainer.type auto), fold fits on one thread each, two at once.
    /// </summary>
    public const long WorkPerSecond = 40_000_000;

    /// <summary>The halving factor: each rung keeps the best third and gives it three times the iterations.</summary>
    public const int Eta = 3;

    /// <summary>Scores closer than this share of the lead's value count as a tie (the lower candidate index wins).</summary>
    public const double TieTolerance = 0.0005;

    /// <summary>The fewest boosting iterations a rung fits (unless the candidate's full count is lower).</summary>
    public const int MinRungIterations = 20;

    private const int LinearWorkFactor = 30;

    private static readonly string[] LinearL2Order = ["1", "0.1", "10", "0.01", "100", "0.001"];

    /// <summary>The parameter names <see cref="AutoSearchOptions.Space"/> may set, with what each value must be.</summary>
    public static IReadOnlyDictionary<string, string> SpaceNames { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["l2"] = "a number >= 0",
        ["learning_rate"] = "a number > 0",
        ["linear_l2"] = "a number >= 0",
        ["max_depth"] = "'none' or a whole number >= 1",
        ["max_iterations"] = "a whole number >= 1",
        ["max_leaves"] = "a whole number >= 2",
        ["min_samples_leaf"] = "a whole number >= 1",
    };

    /// <summary>Whether <paramref name="value"/> is a valid value of space parameter <paramref name="name"/>.</summary>
    public static bool IsValidSpaceValue(string name, string value)
    {
        var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null;
        var whole = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : (int?)null;
        return name switch
        {
            "l2" or "linear_l2" => number >= 0,
            "learning_rate" => number > 0,
            "max_depth" => value == "none" || whole >= 1,
            "max_iterations" or "min_samples_leaf" => whole >= 1,
            "max_leaves" => whole >= 2,
            _ => false,
        };
    }

    /// <exception cref="SearchException">
    /// A bad option or space value, no family for the task, or a budget too small for even one candidate; the message
    /// says which in one line.
    /// </exception>
    public static AutoSearchResult Run(Frame train, TrainingSpec baseSpec, AutoSearchOptions options, IProgress<AutoSearchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(baseSpec);
        ArgumentNullException.ThrowIfNull(options);
        var metric = options.Metric ?? DefaultMetric(baseSpec.Task);
        Check(options, baseSpec.Task, metric);
        var schema = ModelTrainer.DescribeSchema(train, baseSpec);
        var shape = new WorkShape(train.RowCount, options.Folds, schema);
        var drawn = Draw(baseSpec.Task, options);
        var budget = (long)Math.Min(long.MaxValue / 4, options.MaxSeconds * WorkPerSecond);
        var (count, planned) = Plan(drawn, shape, budget);
        if (count == 0)
        {
            var needed = PlannedWork(drawn.Take(1).ToList(), shape);
            throw new SearchException(string.Create(CultureInfo.InvariantCulture,
                $"search.max_seconds {options.MaxSeconds:0.###} is too small for even one candidate on {train.RowCount:N0} rows × {schema.Inputs.Count} inputs ({options.Folds}-fold CV and the refit need {Seconds(needed):0.###} s of work); give at least {Math.Ceiling(Seconds(needed) * 1000) / 1000:0.###}"));
        }

        var candidates = drawn.Take(count).ToList();
        var rungs = RungCount(candidates);
        var stratify = baseSpec.Task == TaskKind.Regression ? null : baseSpec.Label;
        var folds = CrossValidation.Folds(train, options.Folds, options.Seed, stratify);
        var fitThreads = Math.Max(1, (baseSpec.Threads ?? Environment.ProcessorCount) / Math.Max(1, options.Parallelism));
        var results = new AutoCandidate?[count];
        var survivors = Enumerable.Range(0, count).ToList();
        long done = 0;
        for (var rung = 0; rung < rungs && survivors.Count > 0; rung++)
        {
            var toFit = survivors;
            var scores = new double[toFit.Count, folds.Count];
            var errors = new string?[toFit.Count];
            var ticks = new long[toFit.Count];
            var rungIndex = rung;
            Concurrently.For(toFit.Count * folds.Count, options.Parallelism, job =>
            {
                var (c, f) = (job / folds.Count, job % folds.Count);
                var candidate = candidates[toFit[c]];
                var spec = baseSpec with { TrainerType = candidate.Trainer, Parameters = candidate.At(rungIndex, rungs), Threads = fitThreads };
                var started = options.Clock.GetTimestamp();
                try
                {
                    scores[c, f] = CrossValidation.FoldScore(train, spec, folds[f], metric);
                }
                catch (TrainingOptionsException error)
                {
                    errors[c] = error.Message;
                    scores[c, f] = double.NaN;
                }

                Interlocked.Add(ref ticks[c], options.Clock.GetTimestamp() - started);
                var work = Interlocked.Add(ref done, shape.FoldWork(candidate, rungIndex, rungs));
                progress?.Report(new AutoSearchProgress(work, planned, rungIndex + 1, rungs, toFit.Count,
                    $"{candidate.Describe(rungIndex, rungs)} fold {f + 1}/{folds.Count}"));
            });

            for (var c = 0; c < toFit.Count; c++)
            {
                var i = toFit[c];
                var candidate = candidates[i];
                var foldScores = Enumerable.Range(0, folds.Count).Select(f => scores[c, f]).ToArray();
                var spent = (results[i]?.Work ?? 0) + (shape.FoldWork(candidate, rung, rungs) * folds.Count);
                var duration = (results[i]?.Duration ?? TimeSpan.Zero) + TimeSpan.FromTicks(ticks[c] * TimeSpan.TicksPerSecond / options.Clock.TimestampFrequency);

                // A linear candidate is fitted in full at rung 0: it counts as having reached the last rung.
                results[i] = new AutoCandidate(i, candidate.Trainer, candidate.At(rungs - 1, rungs), candidate.Iterations is null ? rungs - 1 : rung,
                    candidate.IterationsAt(rung, rungs), errors[c] is null ? new CrossValidationScore(metric, foldScores) : null, spent, duration) { Error = errors[c] };
            }

            // Successive halving among the boosting candidates: the best third (by this rung's score) goes on.
            var boosting = survivors.Where(i => candidates[i].Iterations is not null).ToList();
            var keep = Math.Max(1, (boosting.Count + Eta - 1) / Eta);
            survivors = [.. boosting.Select(i => results[i]!).Where(r => r.Score is not null).Order(Ranking(metric)).Take(keep).Select(r => r.Index).Order()];
        }

        var all = results.Select(r => r!).ToArray();
        var best = Best(all, rungs, metric)
            ?? throw new SearchException(all.FirstOrDefault(r => r.Error is not null) is { } failed
                ? $"Every auto candidate failed; candidate {failed.Index} ({failed.Trainer}): {failed.Error}"
                : $"No auto candidate produced a {metric} score ({metric} undefined on the folds).");
        return new AutoSearchResult(metric, options.Folds, rungs, best, all, budget, planned, all.Sum(r => r.Work));
    }

    /// <summary>
    /// The winner among the candidates scored at full resource, in candidate order: a later one wins only when it
    /// beats the lead by more than <see cref="TieTolerance"/> of the lead's value, so CV noise does not pick an exotic
    /// candidate over a default one that scores the same.
    /// </summary>
    private static AutoCandidate? Best(IEnumerable<AutoCandidate> candidates, int rungs, string metric)
    {
        AutoCandidate? best = null;
        foreach (var candidate in candidates.Where(c => c.Rung == rungs - 1 && c.Score is not null && double.IsFinite(c.MeanScore)))
        {
            if (best is null || MetricNames.Improvement(metric, candidate.MeanScore, best.MeanScore) > TieTolerance * Math.Abs(best.MeanScore))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>Best first: the higher rung, then the better mean score, then the lower index (failed ones last).</summary>
    public static IComparer<AutoCandidate> Ranking(string metric) => Comparer<AutoCandidate>.Create((a, b) =>
    {
        var byFailure = (a.Score is null || !double.IsFinite(a.MeanScore)).CompareTo(b.Score is null || !double.IsFinite(b.MeanScore));
        if (byFailure != 0)
        {
            return byFailure;
        }

        if (a.Rung != b.Rung)
        {
            return b.Rung.CompareTo(a.Rung);
        }

        if (a.Score is not null && b.Score is not null && a.MeanScore != b.MeanScore)
        {
            return MetricNames.Improvement(metric, a.MeanScore, b.MeanScore) > 0 ? -1 : 1;
        }

        return a.Index.CompareTo(b.Index);
    });

    /// <summary>The seconds of reference work <paramref name="work"/> units stand for.</summary>
    public static double Seconds(long work) => (double)work / WorkPerSecond;

    /// <summary>Three rungs for 9 or more boosting candidates, two for 3 to 8, else one.</summary>
    private static int RungCount(IEnumerable<Draft> candidates) => candidates.Count(c => c.Iterations is not null) switch
    {
        >= Eta * Eta => 3,
        >= Eta => 2,
        _ => 1,
    };

    /// <summary>The most candidates (of the drawn list, in order) whose planned work fits the budget, and that work.</summary>
    private static (int Count, long Work) Plan(IReadOnlyList<Draft> drawn, WorkShape shape, long budget)
    {
        var best = (Count: 0, Work: 0L);
        for (var n = 1; n <= drawn.Count; n++)
        {
            var work = PlannedWork(drawn.Take(n).ToList(), shape);
            if (work <= budget)
            {
                best = (n, work);
            }
        }

        return best;
    }

    /// <summary>
    /// An upper bound of the search's work with these candidates: every candidate at rung 0, then as many as survive
    /// at each later rung at the dearest boosting candidate's cost, then the dearest refit on all the rows.
    /// </summary>
    private static long PlannedWork(List<Draft> candidates, WorkShape shape)
    {
        var rungs = RungCount(candidates);
        var work = candidates.Sum(c => shape.FoldWork(c, 0, rungs) * shape.Folds);
        var survivors = candidates.Count(c => c.Iterations is not null);
        for (var rung = 1; rung < rungs && survivors > 0; rung++)
        {
            survivors = Math.Max(1, (survivors + Eta - 1) / Eta);
            work += survivors * candidates.Max(c => shape.FoldWork(c, rung, rungs)) * shape.Folds;
        }

        return work + candidates.Max(shape.RefitWork);
    }

    /// <summary>
    /// The seeded candidate list: gradient boosting's defaults, the linear trainer's defaults, then random boosting
    /// configurations with a linear one (the next l2 of 0.1, 10, 0.01, 100, 0.001) every fourth place.
    /// </summary>
    private static List<Draft> Draw(TaskKind task, AutoSearchOptions options)
    {
        var random = new Random(options.Seed);
        var space = options.Space;
        var boosting = options.Families.Contains(GradientBoosting);
        var linear = options.Families.Contains(Linear);
        var linearTrainer = task == TaskKind.Regression ? "linear_regression" : "logistic_regression";
        var linearValues = space.TryGetValue("linear_l2", out var givenL2) ? givenL2 : LinearL2Order;
        var drafts = new List<Draft>();
        var nextLinear = 0;
        for (var i = 0; drafts.Count < options.MaxCandidates && i < options.MaxCandidates * 4; i++)
        {
            var linearTurn = linear && nextLinear < linearValues.Count && (!boosting || i == 1 || (i > 1 && i % 4 == 3));
            if (linearTurn)
            {
                drafts.Add(new Draft(linearTrainer, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["l2"] = linearValues[nextLinear++] }, null));
            }
            else if (boosting && i != 1)
            {
                drafts.Add(BoostingDraft(i == 0 ? null : random, space));
            }
            else if (!boosting && nextLinear >= linearValues.Count)
            {
                break;
            }
        }

        return drafts;
    }

    /// <summary>One boosting configuration: the trainer's defaults (null random; a listed space takes its first value) or a seeded draw.</summary>
    private static Draft BoostingDraft(Random? random, IReadOnlyDictionary<string, IReadOnlyList<string>> space)
    {
        string Pick(string name, string fallback, Func<Random, string> draw) =>
            space.TryGetValue(name, out var values) ? values[random is null ? 0 : random.Next(values.Count)] : random is null ? fallback : draw(random);

        string OneOf(Random r, params string[] values) => values[r.Next(values.Length)];

        // The draw order is fixed: adding a parameter at the end keeps earlier draws as they were.
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["learning_rate"] = Pick("learning_rate", "0.1", r => Round(Math.Exp(Math.Log(0.02) + (r.NextDouble() * (Math.Log(0.3) - Math.Log(0.02)))))),
            ["max_leaves"] = Pick("max_leaves", "31", r => OneOf(r, "7", "15", "31", "63")),
            ["max_depth"] = Pick("max_depth", "none", r => OneOf(r, "none", "none", "4", "6", "8")),
            ["min_samples_leaf"] = Pick("min_samples_leaf", "20", r => OneOf(r, "5", "10", "20", "40", "80")),
            ["l2"] = Pick("l2", "0", r => OneOf(r, "0", "0.1", "1", "10")),
        };
        var iterations = int.Parse(Pick("max_iterations", "100", r => OneOf(r, "100", "200", "300")), CultureInfo.InvariantCulture);
        return new Draft(GradientBoosting, parameters, iterations);
    }

    private static string Round(double value) => Math.Round(value, 3 - (int)Math.Ceiling(Math.Log10(value))).ToString("R", CultureInfo.InvariantCulture);

    private static string DefaultMetric(TaskKind task) => task switch
    {
        TaskKind.Binary => MetricNames.Auc,
        TaskKind.Multiclass => MetricNames.MacroF1,
        _ => MetricNames.Rmse,
    };

    private static void Check(AutoSearchOptions options, TaskKind task, string metric)
    {
        if (options.Folds < 2 || options.Parallelism < 1 || options.MaxCandidates < 1 || !(options.MaxSeconds > 0))
        {
            throw new SearchException(FormattableString.Invariant(
                $"auto search needs folds >= 2, parallelism >= 1, max candidates >= 1 and max seconds > 0; got {options.Folds}, {options.Parallelism}, {options.MaxCandidates}, {options.MaxSeconds}"));
        }

        var unknown = options.Families.FirstOrDefault(f => f is not (GradientBoosting or Linear));
        if (unknown is not null || options.Families.Count == 0)
        {
            throw new SearchException($"auto on a {task.ToString().ToLowerInvariant()} task: no family to search ('{unknown}' is not one of {GradientBoosting}, {Linear})");
        }

        foreach (var (name, values) in options.Space.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!SpaceNames.TryGetValue(name, out var expected))
            {
                throw new SearchException($"search space: auto has no parameter '{name}'; expected one of {string.Join(", ", SpaceNames.Keys)}");
            }

            var bad = values.Count == 0 ? "" : values.FirstOrDefault(v => !IsValidSpaceValue(name, v));
            if (bad is not null)
            {
                throw new SearchException($"search space {name}: expected {expected}, got '{bad}'");
            }
        }

        try
        {
            CrossValidation.RequireMetricFor(task, metric);
        }
        catch (UnknownMetricException error)
        {
            throw new SearchException($"auto search metric: {error.Message}");
        }
    }

    /// <summary>A drawn candidate: its trainer, its parameters without <c>max_iterations</c>, and its full iterations (boosting).</summary>
    private sealed record Draft(string Trainer, SortedDictionary<string, string> Parameters, int? Iterations)
    {
        public int? IterationsAt(int rung, int rungs) =>
            Iterations is { } full ? Math.Max(Math.Min(full, MinRungIterations), (int)Math.Ceiling(full / Math.Pow(Eta, rungs - 1 - rung))) : null;

        public IReadOnlyDictionary<string, string> At(int rung, int rungs)
        {
            if (IterationsAt(rung, rungs) is not { } iterations)
            {
                return Parameters;
            }

            return new SortedDictionary<string, string>(Parameters, StringComparer.Ordinal) { ["max_iterations"] = iterations.ToString(CultureInfo.InvariantCulture) };
        }

        public string Describe(int rung, int rungs) => $"{Trainer} {string.Join(" ", At(rung, rungs).Select(p => $"{p.Key}={p.Value}"))}";
    }

    /// <summary>What a fold fit costs for this data: rows, inputs, one-hot width and outputs.</summary>
    private sealed class WorkShape(int rows, int folds, ModelSchema schema)
    {
        private readonly long _foldRows = rows - (rows / folds);
        private readonly long _inputs = schema.Inputs.Count;
        private readonly long _width = schema.Inputs.Sum(i => i.Categories.Count > 0 ? i.Categories.Count + 1L : 1L);
        private readonly long _outputs = schema.Task == TaskKind.Multiclass ? schema.Classes.Count : 1;

        public int Folds => folds;

        public long FoldWork(Draft candidate, int rung, int rungs) => Work(candidate, _foldRows, candidate.IterationsAt(rung, rungs));

        public long RefitWork(Draft candidate) => Work(candidate, rows, candidate.Iterations);

        private long Work(Draft candidate, long fitRows, int? iterations) =>
            iterations is { } n ? fitRows * _inputs * _outputs * (n + 2) : fitRows * _width * _outputs * LinearWorkFactor;
    }
}
