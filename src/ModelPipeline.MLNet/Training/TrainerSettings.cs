using System.Globalization;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ModelPipeline.MLNet.Training;

/// <summary>One ML.NET trainer's parameters as given (invariant text), the seed and the threads, applied onto its options.</summary>
internal sealed record TrainerSettings(IReadOnlyDictionary<string, string> Values, int Seed, int Threads)
{
    public double Number(string name, double fallback) =>
        Values.TryGetValue(name, out var text) ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

    public int Integer(string name, int fallback) =>
        Values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public GradientBooster.Options Booster() => new() { L2Regularization = Number("l2_regularization", 0.01) };

    public T Tree<T>(T options)
        where T : TreeOptions
    {
        options.NumberOfLeaves = Integer("number_of_leaves", 20);
        options.NumberOfTrees = Integer("number_of_trees", 100);
        options.MinimumExampleCountPerLeaf = Integer("minimum_example_count_per_leaf", 10);
        options.MaximumBinCountPerFeature = Integer("maximum_bin_count_per_feature", 255);
        options.Seed = Seed;
        options.FeatureSelectionSeed = Seed;
        options.NumberOfThreads = Threads;
        return options;
    }

    public T Boosted<T>(T options)
        where T : BoostedTreeOptions
    {
        Tree(options);
        options.LearningRate = Number("learning_rate", 0.2);
        return options;
    }

    public float? OptionalSingle(string name) =>
        Values.TryGetValue(name, out var text) ? float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

    public int? OptionalInteger(string name) =>
        Values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
}
