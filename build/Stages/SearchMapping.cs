using ModelPipeline.Definitions;
using ModelPipeline.Evaluation;
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

    private static SearchDimension Dimension(string name, DefinedDimension dimension) =>
        dimension.Values is { } values
            ? SearchDimension.OneOf(name, values.Select(v => v.Text).ToArray())
            : dimension.Log
                ? SearchDimension.LogUniform(name, dimension.Min!.Value, dimension.Max!.Value)
                : SearchDimension.Uniform(name, dimension.Min!.Value, dimension.Max!.Value);
}
