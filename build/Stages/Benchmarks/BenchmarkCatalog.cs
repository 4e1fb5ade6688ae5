using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>The shared data sets with scikit-learn's published figures (copied from shared/data/README.md).</summary>
internal static class BenchmarkCatalog
{
    public const double SklearnFlightsPeakMiB = 1241;

    public static IReadOnlyList<BenchmarkCase> All { get; } =
    [
        new("flights", null, "delayed", TaskKind.Binary, "auc", [],
        [
            new("gradient_boosting", "HistGradientBoosting", 0.7501, 27.0, 4.5),
            new("logistic_regression", "LogisticRegression", 0.6421, 49.8, 1.3),
        ]),
        new("churn", "data/churn.csv", "churn", TaskKind.Binary, "auc", [],
        [
            new("logistic_regression", "LogisticRegression", 0.8419, 0.086, 5.7),
            new("gradient_boosting", "HistGradientBoosting", 0.8350, 0.41, 17),
        ]),
        new("breast_cancer", "data/breast_cancer.csv", "malignant", TaskKind.Binary, "auc", [],
        [
            new("logistic_regression", "LogisticRegression", 0.9960, 0.011, null),
            new("gradient_boosting", "HistGradientBoosting", 0.9940, 0.25, null),
        ]),
        new("satellite", "data/satellite.csv", "class", TaskKind.Multiclass, "macro_f1", [],
        [
            new("logistic_regression", "LogisticRegression", 0.8291, 0.38, 2.0),
            new("gradient_boosting", "HistGradientBoosting", 0.9229, 2.59, 36),
        ]),
        new("diabetes_progression", "data/diabetes_progression.csv", "disease_progression", TaskKind.Regression, "r2", [],
        [
            new("linear_regression", "Ridge", 0.4541, 0.006, null),
            new("gradient_boosting", "HistGradientBoosting", 0.3750, 0.12, null),
        ]),
        new("flights_q1_sample", null, "delayed", TaskKind.Binary, "auc", [],
        [
            new("logistic_regression", "LogisticRegression", 0.6307, 0.70, 0.5),
            new("gradient_boosting", "HistGradientBoosting", 0.7050, 1.54, 6.4),
        ]),
        new("flights_q2_sample", null, "delayed", TaskKind.Binary, "auc", [],
        [
            new("gradient_boosting", "HistGradientBoosting", 0.7225, 1.42, 9.0),
        ]),
    ];
}
