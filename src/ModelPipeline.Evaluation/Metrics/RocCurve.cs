namespace ModelPipeline.Evaluation;

/// <summary>
/// ROC curve points as scikit-learn 1.2's roc_curve returns them (drop_intermediate=True):
/// the first point is (0, 0) with threshold max(score) + 1; thresholds decrease.
/// </summary>
public sealed record RocCurve(double[] FalsePositiveRate, double[] TruePositiveRate, double[] Thresholds)
{
    public int Count => Thresholds.Length;
}
