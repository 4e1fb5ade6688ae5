namespace ModelPipeline.Evaluation;

/// <summary>The metric names used in pipeline files, metrics.json and gate rules, and which way each improves.</summary>
public static class MetricNames
{
    public const string Accuracy = "accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string F1 = "f1";
    public const string Auc = "auc";
    public const string AucPr = "auc_pr";
    public const string LogLoss = "log_loss";
    public const string MacroF1 = "macro_f1";
    public const string MicroF1 = "micro_f1";
    public const string Rmse = "rmse";
    public const string Mae = "mae";
    public const string R2 = "r2";

    /// <summary>Every metric name, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Accuracy, Precision, Recall, F1, Auc, AucPr, LogLoss, MacroF1, MicroF1, Rmse, Mae, R2];

    /// <summary>Metrics computed for a binary model.</summary>
    public static IReadOnlyList<string> Binary { get; } = [Accuracy, Precision, Recall, F1, Auc, AucPr, LogLoss];

    /// <summary>Metrics computed for a multiclass model.</summary>
    public static IReadOnlyList<string> Multiclass { get; } = [Accuracy, MacroF1, MicroF1, LogLoss];

    /// <summary>Metrics computed for a regression model.</summary>
    public static IReadOnlyList<string> Regression { get; } = [Rmse, Mae, R2];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>Which way <paramref name="name"/> improves: log_loss, rmse and mae are lower-is-better.</summary>
    /// <exception cref="UnknownMetricException">The name is not a metric this library computes.</exception>
    public static MetricDirection Direction(string name) => name switch
    {
        LogLoss or Rmse or Mae => MetricDirection.LowerIsBetter,
        _ when IsKnown(name) => MetricDirection.HigherIsBetter,
        _ => throw new UnknownMetricException(name, All),
    };

    /// <summary>How much better <paramref name="candidate"/> is than <paramref name="reference"/> (positive = better).</summary>
    public static double Improvement(string name, double candidate, double reference) =>
        Direction(name) == MetricDirection.HigherIsBetter ? candidate - reference : reference - candidate;
}
