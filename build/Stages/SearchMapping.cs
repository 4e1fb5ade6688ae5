using ModelPipeline.Definitions;
using ModelPipeline.Evaluation;
using ModelPipeline.Registry;
using DefinedDimension = ModelPipeline.Definitions.SearchDimension;
using SearchDimension = ModelPipeline.Evaluation.SearchDimension;

namespace ModelPipeline.Build;

/// <summary>Maps the pipeline's `search` section onto the Evaluation library's search space and options.</summary>
internal static class SearchMapping
{
    public static SearchSpace Space(SearchSection search) =>
        new(search.Space.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => Dimension(d.Key, d.Value)).ToArray());

    public static SearchOptions Options(SearchSection search, PipelineDefinition definition) => new()
    {
        Strategy = search.Strategy == ModelPipeline.Definitions.SearchStrategy.Random
            ? ModelPipeline.Evaluation.SearchStrategy.Random
            : ModelPipeline.Evaluation.SearchStrategy.Grid,
        Folds = search.Folds,
        MaxTrials = search.Strategy == ModelPipeline.Definitions.SearchStrategy.Random ? search.Trials : null,
        MaxTime = TimeSpan.FromSeconds(search.MaxSeconds),
        Parallelism = search.Parallelism,
        Seed = definition.Split.Seed,
        Metric = definition.Gate.PrimaryMetric,
    };

    /// <summary>
    /// <c>trainer.type: auto</c>'s options: the budget and folds of <c>search</c>, the gate's primary metric, the split's
    /// seed, and as many fits at once as threads (<c>search.parallelism</c> when given); none of the last changes the result.
    /// </summary>
    public static AutoSearchOptions AutoOptions(SearchSection search, PipelineDefinition definition, int? threads) => new()
    {
        MaxSeconds = search.MaxSeconds,
        MaxCandidates = search.Trials,
        Folds = search.Folds,
        Parallelism = search.Parallelism > 0 ? search.Parallelism : threads ?? Environment.ProcessorCount,
        Seed = definition.Split.Seed,
        Metric = definition.Gate.PrimaryMetric,
        Space = search.Space.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)[.. d.Value.Values!.Select(v => v.Text)], StringComparer.Ordinal),
    };

    /// <summary>The registry's record of an auto search (lineage, report).</summary>
    public static SearchLeaderboard Leaderboard(AutoSearchResult result, double budgetSeconds, TimeSpan elapsed) =>
        new(result.Metric, result.Folds, result.Rungs, result.Best.Index, budgetSeconds, result.BudgetWork, result.SpentWork, elapsed.TotalSeconds,
            [.. result.Candidates.Select(c => new SearchCandidate(c.Index, c.Trainer, c.Parameters, c.Rung, c.Iterations, c.MeanScore, c.StandardDeviation,
                c.Work, c.Duration.TotalSeconds) { Error = c.Error })]);

    private static SearchDimension Dimension(string name, DefinedDimension dimension) =>
        dimension.Values is { } values
            ? SearchDimension.OneOf(name, values.Select(v => v.Text).ToArray())
            : dimension.Log
                ? SearchDimension.LogUniform(name, dimension.Min!.Value, dimension.Max!.Value)
                : SearchDimension.Uniform(name, dimension.Min!.Value, dimension.Max!.Value);
}
