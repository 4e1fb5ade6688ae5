namespace ModelPipeline.Evaluation;

/// <summary>
/// A percentile bootstrap interval of a metric: <see cref="Estimate"/> on all rows, [<see cref="Lower"/>,
/// <see cref="Upper"/>] at <see cref="Level"/>. <see cref="Resamples"/> counts the resamples where the metric
/// was defined (e.g. AUC needs both classes).
/// </summary>
public sealed record ConfidenceInterval(string Metric, double Estimate, double Lower, double Upper, double Level, int Resamples)
{
    public override string ToString() =>
        FormattableString.Invariant($"{Metric} {Estimate:0.0000} [{Lower:0.0000}, {Upper:0.0000}] ({Level:P0}, {Resamples} resamples)");
}
