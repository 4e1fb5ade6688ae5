namespace ModelPipeline.Training.Tests.Support;

/// <summary>Small local metric implementations (the Evaluation library depends on Training, not the reverse).</summary>
internal static class Metrics
{
    /// <summary>ROC AUC by the rank-sum formula with average ranks for ties.</summary>
    public static double Auc(double[] scores, double[] targets)
    {
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Length];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j < order.Length && scores[order[j]] == scores[order[i]])
            {
                j++;
            }

            for (var k = i; k < j; k++)
            {
                ranks[order[k]] = ((i + j - 1) / 2.0) + 1;
            }

            i = j;
        }

        double positives = targets.Count(t => t == 1), negatives = targets.Length - positives;
        var rankSum = Enumerable.Range(0, targets.Length).Where(i => targets[i] == 1).Sum(i => ranks[i]);
        return (rankSum - (positives * (positives + 1) / 2)) / (positives * negatives);
    }

    public static double Accuracy(double[] predicted, double[] targets) =>
        Enumerable.Range(0, targets.Length).Count(i => predicted[i] == targets[i]) / (double)targets.Length;

    public static double R2(double[] predicted, double[] targets)
    {
        var mean = targets.Average();
        var residual = Enumerable.Range(0, targets.Length).Sum(i => (targets[i] - predicted[i]) * (targets[i] - predicted[i]));
        var total = targets.Sum(t => (t - mean) * (t - mean));
        return 1 - (residual / total);
    }

    /// <summary>The unweighted mean over classes of each class's F1 (classes seen in targets or predictions).</summary>
    public static double MacroF1(double[] predicted, double[] targets)
    {
        var classes = targets.Concat(predicted).Distinct();
        return classes.Average(c =>
        {
            var truePositives = Enumerable.Range(0, targets.Length).Count(i => predicted[i] == c && targets[i] == c);
            var denominator = predicted.Count(p => p == c) + targets.Count(t => t == c);
            return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
        });
    }
}
