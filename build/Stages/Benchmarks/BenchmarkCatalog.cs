using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>The benchmark's data sets and the trainers run on each (the peers run beside them in the same run).</summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new("flights", null, "delayed", TaskKind.Binary, "auc", [], ["gradient_boosting", "logistic_regression"]),
        new("churn", "data/churn.csv", "churn", TaskKind.Binary, "auc", [], ["logistic_regression", "gradient_boosting"]),
        new("breast_cancer", "tests/data/breast_cancer.csv", "malignant", TaskKind.Binary, "auc", [], ["logistic_regression", "gradient_boosting"]),
        new("satellite", "tests/data/satellite.csv", "class", TaskKind.Multiclass, "macro_f1", [], ["logistic_regression", "gradient_boosting"]),
        new("diabetes_progression", "tests/data/diabetes_progression.csv", "disease_progression", TaskKind.Regression, "r2", [], ["linear_regression", "gradient_boosting"]),
        new("flights_q1_sample", "tests/data/flights_q1_sample.csv.gz", "delayed", TaskKind.Binary, "auc", ["date"], ["logistic_regression", "gradient_boosting"]),
        new("flights_q2_sample", "tests/data/flights_q2_sample.csv.gz", "delayed", TaskKind.Binary, "auc", ["date"], ["gradient_boosting"]),
    ];
}
