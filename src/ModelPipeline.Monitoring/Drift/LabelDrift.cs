namespace ModelPipeline.Monitoring;

/// <summary>
/// Drift of the true labels. Classification: a chi² test of the current class counts against the reference rates
/// (p &lt; 0.05) and some class rate moving by at least <see cref="DriftRules.MinLabelRateChange"/>; regression: the
/// column rules. <see cref="ReferenceRate"/>/<see cref="CurrentRate"/> are the positive rate (binary) or the mean.
/// </summary>
public sealed record LabelDrift(ColumnDrift Column, double ReferenceRate, double CurrentRate)
{
    public bool Drifted => Column.Drifted;
}
