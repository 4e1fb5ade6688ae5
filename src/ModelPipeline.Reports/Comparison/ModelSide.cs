namespace ModelPipeline.Reports;

/// <summary>One model's evaluation on the holdout, as shown in a comparison report.</summary>
/// <param name="Label">Heading for this model, e.g. "challenger 1.3.0".</param>
/// <param name="Metrics">Metric name → value, in the order they should be listed.</param>
public sealed record ModelSide(string Label, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Confidence intervals (e.g. bootstrap 95%) by metric name; metrics without one draw no whisker.</summary>
    public IReadOnlyDictionary<string, Interval> Intervals { get; init; } = new Dictionary<string, Interval>();

    /// <summary>ROC curve (X = false positive rate, Y = true positive rate); binary only.</summary>
    public Curve? Roc { get; init; }

    /// <summary>Precision-recall curve (X = recall, Y = precision); binary only.</summary>
    public Curve? PrecisionRecall { get; init; }

    /// <summary>Confusion matrix on the holdout; classification only.</summary>
    public ConfusionMatrix? Confusion { get; init; }

    /// <summary>(predicted, actual) pairs on the holdout; regression only. Drawn as a scatter (at most 1,500 points).</summary>
    public IReadOnlyList<ResidualPoint>? Residuals { get; init; }

    /// <summary>What the model relies on: every input's permutation importance (and mean |attribution|); null when not measured.</summary>
    public IReadOnlyList<ImportanceRow>? Importance { get; init; }
}
