namespace ModelPipeline.Evaluation;

/// <summary>
/// What a challenger must achieve to replace the champion (the <c>promotion:</c> section of a pipeline).
/// Improvements are measured in the metric's better direction, so they are positive for a lower log_loss too.
/// </summary>
public sealed record GateRules
{
    /// <summary>The metric that decides (e.g. auc, rmse).</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>Absolute bars the challenger must clear, with or without a champion.</summary>
    public IReadOnlyList<MetricThreshold> Thresholds { get; init; } = [];

    /// <summary>Smallest absolute gain over the champion on the primary metric; 0 = any strict gain.</summary>
    public double MinImprovement { get; init; }

    /// <summary>Smallest gain relative to the champion's value (0.01 = 1 %); 0 = no relative bar.</summary>
    public double MinRelativeImprovement { get; init; }

    /// <summary>Other metrics that may get worse by at most the given amount (metric -> max regression).</summary>
    public IReadOnlyDictionary<string, double> Guards { get; init; } = new Dictionary<string, double>();

    /// <summary>Optional significance test of the primary metric's gain.</summary>
    public SignificanceRule? Significance { get; init; }

    /// <summary>Checks names and combinations once, before any model is compared.</summary>
    /// <exception cref="GateRulesException">The first problem, in one line.</exception>
    public void Validate()
    {
        Known(PrimaryMetric, "primary");
        foreach (var threshold in Thresholds)
        {
            Known(threshold.Metric, "threshold");
        }

        foreach (var (metric, drop) in Guards)
        {
            Known(metric, "guard");
            if (drop < 0 || double.IsNaN(drop))
            {
                throw new GateRulesException($"Guard '{metric}' allows a regression of {drop}; it must be 0 or more.");
            }
        }

        if (MinImprovement < 0 || MinRelativeImprovement < 0)
        {
            throw new GateRulesException("Minimum improvements must be 0 or more (they are measured in the better direction).");
        }

        if (Significance is { } s)
        {
            if (s.Alpha is <= 0 or > 0.5 || double.IsNaN(s.Alpha))
            {
                throw new GateRulesException(
                    $"Significance level alpha {s.Alpha} must be above 0 and at most 0.5 (e.g. 0.05); a confidence level such as 0.95 is 1 - alpha.");
            }

            if (s.Test == SignificanceTest.DeLong && PrimaryMetric != MetricNames.Auc)
            {
                throw new GateRulesException($"The delong test compares AUCs; the primary metric is '{PrimaryMetric}'. Use bootstrap.");
            }

            if (s.Test == SignificanceTest.McNemar && PrimaryMetric != MetricNames.Accuracy)
            {
                throw new GateRulesException($"The mcnemar test compares accuracies; the primary metric is '{PrimaryMetric}'. Use bootstrap.");
            }

            if (s.Test == SignificanceTest.Bootstrap && s.Resamples < 100)
            {
                throw new GateRulesException($"A bootstrap test needs at least 100 resamples, got {s.Resamples}.");
            }
        }
    }

    private static void Known(string metric, string role)
    {
        if (!MetricNames.IsKnown(metric))
        {
            throw new GateRulesException($"Unknown {role} metric '{metric}'. Available: {string.Join(", ", MetricNames.All)}.");
        }
    }
}
