using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// The benchmark's data sets and the trainers run on each (the peers run beside them in the same run). Names starting
/// with <c>mlnet:</c> are ML.NET trainers (docs/mlnet.md), measured the same way and reported in their own section.
/// </summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new("flights", null, "delayed", TaskKind.Binary, "auc", [], ["gradient_boosting", "logistic_regression", "mlnet:lightgbm"]),
        new("churn", "data/churn.csv", "churn", TaskKind.Binary, "auc", [], ["logistic_regression", "gradient_boosting", "mlnet:sdca_logistic_regression", "mlnet:lightgbm"]),
        new("breast_cancer", "tests/data/breast_cancer.csv", "malignant", TaskKind.Binary, "auc", [], ["logistic_regression", "gradient_boosting", "mlnet:sdca_logistic_regression", "mlnet:lightgbm"]),
        new("satellite", "tests/data/satellite.csv", "class", TaskKind.Multiclass, "macro_f1", [], ["logistic_regression", "gradient_boosting", "mlnet:lbfgs_maximum_entropy", "mlnet:lightgbm"]),
        new("diabetes_progression", "tests/data/diabetes_progression.csv", "disease_progression", TaskKind.Regression, "r2", [], ["linear_regression", "gradient_boosting", "mlnet:sdca_regression", "mlnet:lightgbm"]),
        new("flights_q1_sample", "tests/data/flights_q1_sample.csv.gz", "delayed", TaskKind.Binary, "auc", ["date"], ["logistic_regression", "gradient_boosting", "mlnet:lightgbm"]),
        new("flights_q2_sample", "tests/data/flights_q2_sample.csv.gz", "delayed", TaskKind.Binary, "auc", ["date"], ["gradient_boosting"]),
    ];

    /// <summary>The prefix of ML.NET trainer names in <see cref="BenchmarkCase.Trainers"/>.</summary>
    public const string MLNetPrefix = "mlnet:";

    public static bool IsMLNet(string trainer) => trainer.StartsWith(MLNetPrefix, StringComparison.Ordinal);
}
