using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Evaluation;

/// <summary>
/// Grid or random search over trainer parameters, each trial scored by seeded k-fold cross-validation on the same
/// folds. The trial list is fixed by the seed before anything runs, so the result does not depend on parallelism.
/// </summary>
public static class HyperparameterSearch
{
    public const int DefaultRandomTrials = 10;

    /// <exception cref="SearchException">The space or options cannot be searched, or every trial failed.</exception>
    public static SearchResult Run(Frame train, TrainingSpec baseSpec, SearchSpace space, SearchOptions options, IProgress<SearchProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(baseSpec);
        var metric = options.Metric ?? DefaultMetric(baseSpec.Task);
        Check(space, options, baseSpec, metric);
        var trials = TrialList(space, options);
        var stratify = baseSpec.Task == TaskKind.Regression ? null : baseSpec.Label;
        var folds = CrossValidation.Folds(train, options.Folds, options.Seed, stratify);
        var fitThreads = options.Parallelism == 1 ? baseSpec.Threads : Math.Max(1, (baseSpec.Threads ?? Environment.ProcessorCount) / options.Parallelism);
        var clock = options.Clock;
        var started = clock.GetTimestamp();
        var results = new TrialResult[trials.Count];
        var completed = 0;
        Concurrently.For(trials.Count, options.Parallelism, i =>
        {
            if (options.MaxTime is { } budget && clock.GetElapsedTime(started) >= budget)
            {
                results[i] = new TrialResult(i, trials[i], null, TimeSpan.Zero) { Skipped = true };
                return;
            }

            results[i] = RunTrial(i, trials[i], train, baseSpec with { Parameters = Merge(baseSpec.Parameters, trials[i]), Threads = fitThreads }, folds, metric, clock);
            progress?.Report(new SearchProgress(Interlocked.Increment(ref completed), trials.Count, results[i]));
        });

        var best = Best(results, metric);
        return new SearchResult(metric, best.Index, Merge(baseSpec.Parameters, best.Parameters), best.MeanScore, results);
    }

    internal static IReadOnlyList<IReadOnlyDictionary<string, string>> TrialList(SearchSpace space, SearchOptions options)
    {
        if (options.Strategy == SearchStrategy.Grid)
        {
            IEnumerable<Dictionary<string, string>> grid = [new Dictionary<string, string>(StringComparer.Ordinal)];
            foreach (var dimension in space.Dimensions)
            {
                var values = dimension.GridValues();
                grid = grid.SelectMany(trial => values.Select(v => new Dictionary<string, string>(trial, StringComparer.Ordinal) { [dimension.Parameter] = v }));
            }

            return [.. grid.Take(options.MaxTrials ?? int.MaxValue)];
        }

        var random = new Random(options.Seed);
        var trials = new List<IReadOnlyDictionary<string, string>>();
        for (var t = 0; t < (options.MaxTrials ?? DefaultRandomTrials); t++)
        {
            trials.Add(space.Dimensions.ToDictionary(d => d.Parameter, d => d.Sample(random), StringComparer.Ordinal));
        }

        return trials;
    }

    private static TrialResult RunTrial(int index, IReadOnlyDictionary<string, string> parameters, Frame train, TrainingSpec spec, IReadOnlyList<Fold> folds, string metric, TimeProvider clock)
    {
        var started = clock.GetTimestamp();
        try
        {
            var scores = folds.Select(fold => CrossValidation.FoldScore(train, spec, fold, metric)).ToArray();
            return new TrialResult(index, parameters, new CrossValidationScore(metric, scores), clock.GetElapsedTime(started));
        }
        catch (TrainingOptionsException error)
        {
            return new TrialResult(index, parameters, null, clock.GetElapsedTime(started)) { Error = error.Message };
        }
    }

    private static TrialResult Best(TrialResult[] results, string metric)
    {
        TrialResult? best = null;
        foreach (var trial in results)
        {
            // Strictly better only: on a tie the earlier trial keeps the lead.
            if (double.IsFinite(trial.MeanScore) && (best is null || MetricNames.Improvement(metric, trial.MeanScore, best.MeanScore) > 0))
            {
                best = trial;
            }
        }

        if (best is not null)
        {
            return best;
        }

        var failed = results.FirstOrDefault(r => r.Error is not null);
        throw new SearchException(failed is not null
            ? $"Every search trial failed; trial {failed.Index} ({Describe(failed.Parameters)}): {failed.Error}"
            : $"No search trial produced a {metric} score (time budget too small, or {metric} undefined on the folds).");
    }

    private static string DefaultMetric(TaskKind task) => task switch
    {
        TaskKind.Binary => MetricNames.Auc,
        TaskKind.Multiclass => MetricNames.MacroF1,
        _ => MetricNames.Rmse,
    };

    private static void Check(SearchSpace space, SearchOptions options, TrainingSpec spec, string metric)
    {
        if (space.Dimensions.Count == 0)
        {
            throw new SearchException("The search space has no parameters to vary.");
        }

        var twice = space.Dimensions.GroupBy(d => d.Parameter).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new SearchException($"Search parameter '{twice.Key}' appears twice.");
        }

        if (options.MaxTrials is < 1 || options.Parallelism < 1 || options.Folds < 2)
        {
            throw new SearchException($"Search needs max trials >= 1, parallelism >= 1 and folds >= 2; got {options.MaxTrials}, {options.Parallelism}, {options.Folds}.");
        }

        try
        {
            CrossValidation.RequireMetricFor(spec.Task, metric);
        }
        catch (UnknownMetricException error)
        {
            throw new SearchException($"Search metric: {error.Message}");
        }
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> baseParameters, IReadOnlyDictionary<string, string> trial)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in baseParameters)
        {
            merged[name] = value;
        }

        foreach (var (name, value) in trial)
        {
            merged[name] = value;
        }

        return merged;
    }

    private static string Describe(IReadOnlyDictionary<string, string> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));
}
