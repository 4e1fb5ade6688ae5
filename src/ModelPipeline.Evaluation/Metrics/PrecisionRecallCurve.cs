namespace ModelPipeline.Evaluation;

/// <summary>
/// Precision-recall points as scikit-learn 1.2's precision_recall_curve returns them: thresholds increase;
/// <see cref="Precision"/> and <see cref="Recall"/> have one more entry than <see cref="Thresholds"/>,
/// the final (precision 1, recall 0) point.
/// </summary>
public sealed record PrecisionRecallCurve(double[] Precision, double[] Recall, double[] Thresholds)
{
    public int Count => Precision.Length;
}
