using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet.Training;

/// <summary>
/// The ML.NET trainers <c>trainer.name</c> names, each mapped onto its ML.NET options (parameters as the pipeline
/// YAML spells them; the Definitions project checks names and ranges from its own list, which a test keeps equal).
/// Every trainer reads <c>Label</c> and <c>Features</c> and gets the seed and, where ML.NET takes one, the thread
/// count (SDCA runs on one thread: with more its result depends on thread timing).
/// </summary>
public static class MLNetTrainerCatalog
{
    private static readonly Dictionary<string, (TaskKind[] Tasks, string[] Parameters, Func<MLContext, TaskKind, TrainerSettings, IEstimator<ITransformer>> Create)> Known =
        new(StringComparer.Ordinal)
        {
            ["lightgbm"] = ([TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression],
                ["number_of_leaves", "number_of_iterations", "learning_rate", "minimum_example_count_per_leaf", "l2_regularization", "maximum_bin_count_per_feature"],
                LightGbm),
            ["fast_tree"] = ([TaskKind.Binary, TaskKind.Regression],
                ["number_of_leaves", "number_of_trees", "learning_rate", "minimum_example_count_per_leaf", "maximum_bin_count_per_feature"], FastTree),
            ["fast_forest"] = ([TaskKind.Binary, TaskKind.Regression],
                ["number_of_leaves", "number_of_trees", "minimum_example_count_per_leaf", "maximum_bin_count_per_feature"], FastForest),
            ["sdca_logistic_regression"] = ([TaskKind.Binary], ["l1_regularization", "l2_regularization", "maximum_number_of_iterations"],
                (ml, _, s) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
                { L1Regularization = s.OptionalSingle("l1_regularization"), L2Regularization = s.OptionalSingle("l2_regularization"),
                    MaximumNumberOfIterations = s.OptionalInteger("maximum_number_of_iterations"), NumberOfThreads = 1 })),
            ["lbfgs_logistic_regression"] = ([TaskKind.Binary], ["l1_regularization", "l2_regularization", "optimization_tolerance", "maximum_number_of_iterations"],
                (ml, _, s) => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
                { L1Regularization = (float)s.Number("l1_regularization", 1), L2Regularization = (float)s.Number("l2_regularization", 1),
                    OptimizationTolerance = (float)s.Number("optimization_tolerance", 1e-7), MaximumNumberOfIterations = s.Integer("maximum_number_of_iterations", int.MaxValue),
                    NumberOfThreads = s.Threads })),
            ["sdca_maximum_entropy"] = ([TaskKind.Multiclass], ["l1_regularization", "l2_regularization", "maximum_number_of_iterations"],
                (ml, _, s) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
                { L1Regularization = s.OptionalSingle("l1_regularization"), L2Regularization = s.OptionalSingle("l2_regularization"),
                    MaximumNumberOfIterations = s.OptionalInteger("maximum_number_of_iterations"), NumberOfThreads = 1 })),
            ["lbfgs_maximum_entropy"] = ([TaskKind.Multiclass], ["l1_regularization", "l2_regularization", "optimization_tolerance", "maximum_number_of_iterations"],
                (ml, _, s) => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
                { L1Regularization = (float)s.Number("l1_regularization", 1), L2Regularization = (float)s.Number("l2_regularization", 1),
                    OptimizationTolerance = (float)s.Number("optimization_tolerance", 1e-7), MaximumNumberOfIterations = s.Integer("maximum_number_of_iterations", int.MaxValue),
                    NumberOfThreads = s.Threads })),
            ["sdca_regression"] = ([TaskKind.Regression], ["l1_regularization", "l2_regularization", "maximum_number_of_iterations"],
                (ml, _, s) => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
                { L1Regularization = s.OptionalSingle("l1_regularization"), L2Regularization = s.OptionalSingle("l2_regularization"),
                    MaximumNumberOfIterations = s.OptionalInteger("maximum_number_of_iterations"), NumberOfThreads = 1 })),
            ["lbfgs_poisson_regression"] = ([TaskKind.Regression], ["l1_regularization", "l2_regularization", "optimization_tolerance", "maximum_number_of_iterations"],
                (ml, _, s) => ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
                { L1Regularization = (float)s.Number("l1_regularization", 1), L2Regularization = (float)s.Number("l2_regularization", 1),
                    OptimizationTolerance = (float)s.Number("optimization_tolerance", 1e-7), MaximumNumberOfIterations = s.Integer("maximum_number_of_iterations", int.MaxValue),
                    NumberOfThreads = s.Threads })),
        };

    /// <summary>The trainer names, sorted.</summary>
    public static IReadOnlyList<string> Names => [.. Known.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The parameters a trainer takes (YAML names).</summary>
    public static IReadOnlyList<string> ParametersOf(string name) => Require(name).Parameters;

    /// <summary>The tasks a trainer learns.</summary>
    public static IReadOnlyList<TaskKind> TasksOf(string name) => Require(name).Tasks;

    /// <summary>The ML.NET trainer estimator for <paramref name="name"/>, reading <c>Label</c> and <c>Features</c>.</summary>
    /// <exception cref="TrainingOptionsException">Unknown trainer, wrong task, unknown parameter or a value that is not a number.</exception>
    internal static IEstimator<ITransformer> Create(MLContext ml, string name, TaskKind task, IReadOnlyDictionary<string, string> parameters, int seed, int threads)
    {
        var (tasks, known, create) = Require(name);
        if (!tasks.Contains(task))
        {
            throw new TrainingOptionsException($"ML.NET trainer {name} cannot learn a {task.ToString().ToLowerInvariant()} task.");
        }

        if (parameters.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new TrainingOptionsException($"ML.NET trainer {name} has no parameter '{unknown}'; expected one of {string.Join(", ", known)}.");
        }

        return create(ml, task, new TrainerSettings(parameters, seed, threads));
    }

    private static (TaskKind[] Tasks, string[] Parameters, Func<MLContext, TaskKind, TrainerSettings, IEstimator<ITransformer>> Create) Require(string name) =>
        Known.TryGetValue(name, out var entry) ? entry
        : throw new TrainingOptionsException($"Unknown ML.NET trainer '{name}'; expected one of {string.Join(", ", Names)}" +
            (NearestName.Find(name, Known.Keys) is { } near ? $" (did you mean '{near}'?)." : "."));

    private static IEstimator<ITransformer> LightGbm(MLContext ml, TaskKind task, TrainerSettings s) => task switch
    {
        TaskKind.Binary => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfLeaves = s.Integer("number_of_leaves", 31), NumberOfIterations = s.Integer("number_of_iterations", 100),
            LearningRate = s.Number("learning_rate", 0.1), MinimumExampleCountPerLeaf = s.Integer("minimum_example_count_per_leaf", 20),
            MaximumBinCountPerFeature = s.Integer("maximum_bin_count_per_feature", 255), Booster = s.Booster(),
            Seed = s.Seed, NumberOfThreads = s.Threads, Deterministic = true, Silent = true,
        }),
        TaskKind.Multiclass => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        {
            NumberOfLeaves = s.Integer("number_of_leaves", 31), NumberOfIterations = s.Integer("number_of_iterations", 100),
            LearningRate = s.Number("learning_rate", 0.1), MinimumExampleCountPerLeaf = s.Integer("minimum_example_count_per_leaf", 20),
            MaximumBinCountPerFeature = s.Integer("maximum_bin_count_per_feature", 255), Booster = s.Booster(),
            Seed = s.Seed, NumberOfThreads = s.Threads, Deterministic = true, Silent = true,
        }),
        _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfLeaves = s.Integer("number_of_leaves", 31), NumberOfIterations = s.Integer("number_of_iterations", 100),
            LearningRate = s.Number("learning_rate", 0.1), MinimumExampleCountPerLeaf = s.Integer("minimum_example_count_per_leaf", 20),
            MaximumBinCountPerFeature = s.Integer("maximum_bin_count_per_feature", 255), Booster = s.Booster(),
            Seed = s.Seed, NumberOfThreads = s.Threads, Deterministic = true, Silent = true,
        }),
    };

    private static IEstimator<ITransformer> FastTree(MLContext ml, TaskKind task, TrainerSettings s) => task == TaskKind.Binary
        ? ml.BinaryClassification.Trainers.FastTree(s.Boosted(new FastTreeBinaryTrainer.Options()))
        : ml.Regression.Trainers.FastTree(s.Boosted(new FastTreeRegressionTrainer.Options()));

    private static IEstimator<ITransformer> FastForest(MLContext ml, TaskKind task, TrainerSettings s) => task == TaskKind.Binary
        ? ml.BinaryClassification.Trainers.FastForest(s.Tree(new FastForestBinaryTrainer.Options()))
        : ml.Regression.Trainers.FastForest(s.Tree(new FastForestRegressionTrainer.Options()));
}
