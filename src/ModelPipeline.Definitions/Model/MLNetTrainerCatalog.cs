namespace ModelPipeline.Definitions;

/// <summary>
/// The ML.NET trainers <c>trainer.name</c> may name, the tasks each learns and the parameters <c>trainer.params</c>
/// may set (names as in ML.NET's options, snake_case). src/ModelPipeline.MLNet maps each onto ML.NET; a test checks
/// that both list the same names.
/// </summary>
public static class MLNetTrainerCatalog
{
    private static readonly MLNetParameter Leaves = new("number_of_leaves", true, 2, "a whole number >= 2");
    private static readonly MLNetParameter Trees = new("number_of_trees", true, 1, "a whole number >= 1");
    private static readonly MLNetParameter Iterations = new("number_of_iterations", true, 1, "a whole number >= 1");
    private static readonly MLNetParameter LearningRate = new("learning_rate", false, double.Epsilon, "a number > 0");
    private static readonly MLNetParameter MinLeaf = new("minimum_example_count_per_leaf", true, 1, "a whole number >= 1");
    private static readonly MLNetParameter L1 = new("l1_regularization", false, 0, "a number >= 0");
    private static readonly MLNetParameter L2 = new("l2_regularization", false, 0, "a number >= 0");
    private static readonly MLNetParameter MaxIterations = new("maximum_number_of_iterations", true, 1, "a whole number >= 1");
    private static readonly MLNetParameter Tolerance = new("optimization_tolerance", false, double.Epsilon, "a number > 0");
    private static readonly MLNetParameter MaxBins = new("maximum_bin_count_per_feature", true, 2, "a whole number >= 2");

    private const string Binary = "binary", Multiclass = "multiclass", Regression = "regression";

    public static IReadOnlyList<MLNetTrainerInfo> Trainers { get; } =
    [
        new("lightgbm", [Binary, Multiclass, Regression], [Leaves, Iterations, LearningRate, MinLeaf, L2, MaxBins]),
        new("fast_tree", [Binary, Regression], [Leaves, Trees, LearningRate, MinLeaf, MaxBins]),
        new("fast_forest", [Binary, Regression], [Leaves, Trees, MinLeaf, MaxBins]),
        new("sdca_logistic_regression", [Binary], [L1, L2, MaxIterations]),
        new("lbfgs_logistic_regression", [Binary], [L1, L2, Tolerance, MaxIterations]),
        new("sdca_maximum_entropy", [Multiclass], [L1, L2, MaxIterations]),
        new("lbfgs_maximum_entropy", [Multiclass], [L1, L2, Tolerance, MaxIterations]),
        new("sdca_regression", [Regression], [L1, L2, MaxIterations]),
        new("lbfgs_poisson_regression", [Regression], [L1, L2, Tolerance, MaxIterations]),
    ];

    public static MLNetTrainerInfo? Find(string name) => Trainers.FirstOrDefault(t => t.Name == name);
}
