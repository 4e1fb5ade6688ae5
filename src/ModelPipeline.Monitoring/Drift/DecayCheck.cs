namespace ModelPipeline.Monitoring;

/// <summary>The watched metric on the reference holdout vs on the labelled current rows.</summary>
/// <param name="Change">Current − reference in the metric's better direction (negative = worse).</param>
/// <param name="Lower">Lower end of the current value's 95% bootstrap interval.</param>
/// <param name="Upper">Upper end of the current value's 95% bootstrap interval.</param>
public sealed record DecayCheck(string Metric, double Reference, double Current, double Change, double MaxDrop, double Lower, double Upper)
{
    /// <summary>True when the metric worsened by more than <see cref="MaxDrop"/>.</summary>
    public bool Decayed => -Change > MaxDrop;
}
