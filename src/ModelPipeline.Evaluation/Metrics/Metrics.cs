namespace ModelPipeline.Evaluation;

/// <summary>
/// The figures of one model on one set of rows: name -> value (names from <see cref="MetricNames"/>),
/// plus the confusion matrix (classification) and the ROC / precision-recall curves (binary).
/// </summary>
public sealed record Metrics(
    IReadOnlyDictionary<string, double> Values,
    ConfusionMatrix? Confusion = null,
    RocCurve? Roc = null,
    PrecisionRecallCurve? PrecisionRecall = null)
{
    /// <summary>The value of a metric.</summary>
    /// <exception cref="UnknownMetricException">This model has no metric of that name.</exception>
    public double this[string name] =>
        Values.TryGetValue(name, out var value) ? value : throw new UnknownMetricException(name, Values.Keys);

    public bool Contains(string name) => Values.ContainsKey(name);
}
