namespace ModelPipeline.Evaluation;

/// <summary>The four cells of a binary confusion matrix at one threshold (weighted by per-row counts).</summary>
internal readonly record struct BinaryCounts(double TruePositives, double FalsePositives, double TrueNegatives, double FalseNegatives)
{
    public double Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    public double Accuracy => Total == 0 ? double.NaN : (TruePositives + TrueNegatives) / Total;

    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => FScore(Precision, Recall);

    public static double FScore(double precision, double recall) =>
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    public static BinaryCounts Of(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, double threshold, ReadOnlySpan<int> counts)
    {
        double tp = 0, fp = 0, tn = 0, fn = 0;
        for (var row = 0; row < labels.Length; row++)
        {
            var weight = counts.IsEmpty ? 1 : counts[row];
            var predictedPositive = scores[row] >= threshold;
            if (labels[row] == 1)
            {
                if (predictedPositive) { tp += weight; } else { fn += weight; }
            }
            else
            {
                if (predictedPositive) { fp += weight; } else { tn += weight; }
            }
        }

        return new BinaryCounts(tp, fp, tn, fn);
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
