namespace ModelPipeline.Reports;

/// <summary>Which way is better for a metric.</summary>
internal static class MetricDirection
{
    /// <summary>Error metrics where smaller is better, matched case-insensitively.</summary>
    public static IReadOnlySet<string> DefaultLowerIsBetter { get; } = new HashSet<string>(
        ["rmse", "mse", "mae", "mape", "log_loss", "logloss", "brier", "brier_score", "max_error", "median_absolute_error"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="metric"/> improves as it grows.</summary>
    public static bool HigherIsBetter(string metric, IReadOnlySet<string> lowerIsBetter) =>
        !lowerIsBetter.Contains(metric) && !lowerIsBetter.Contains(metric.ToLowerInvariant());
}
