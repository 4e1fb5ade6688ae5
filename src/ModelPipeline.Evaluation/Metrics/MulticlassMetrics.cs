namespace ModelPipeline.Evaluation;

/// <summary>
/// Multiclass metrics on class indices and a row-major probability matrix (rows × classes), each equal to
/// scikit-learn 1.2's function of the same name. The predicted class is the most probable one (first on ties).
/// </summary>
public static class MulticlassMetrics
{
    /// <summary>All multiclass metrics by name (see <see cref="MetricNames.Multiclass"/>) with the confusion matrix.</summary>
    public static Metrics Compute(IReadOnlyList<string> classes, ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities)
    {
        var predicted = Predict(probabilities, classes.Count, labels.Length);
        var values = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.Accuracy] = Accuracy(labels, predicted),
            [MetricNames.MacroF1] = MacroF1(labels, predicted, classes.Count),
            [MetricNames.MicroF1] = MicroF1(labels, predicted),
            [MetricNames.LogLoss] = LogLoss(labels, probabilities, classes.Count),
        };
        return new Metrics(values, ConfusionMatrix.From(classes, labels, predicted));
    }

    /// <summary>The most probable class of each row (the first one on ties, like numpy's argmax).</summary>
    public static int[] Predict(ReadOnlySpan<double> probabilities, int classCount, int rowCount)
    {
        if (classCount < 2 || probabilities.Length != classCount * rowCount)
        {
            throw new ArgumentException($"Expected {rowCount} rows × {classCount} classes of probabilities, got {probabilities.Length} values.");
        }

        var predicted = new int[rowCount];
        for (var row = 0; row < rowCount; row++)
        {
            var line = probabilities.Slice(row * classCount, classCount);
            var best = 0;
            for (var k = 1; k < classCount; k++)
            {
                if (line[k] > line[best])
                {
                    best = k;
                }
            }

            predicted[row] = best;
        }

        return predicted;
    }

    public static double Accuracy(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted) =>
        Weighted.Accuracy(labels, predicted, []);

    /// <summary>Unweighted mean of per-class F1 over the classes that occur in labels or predictions (as scikit-learn).</summary>
    public static double MacroF1(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted, int classCount) =>
        Weighted.MacroF1(labels, predicted, classCount, []);

    /// <summary>F1 of the pooled counts; equals accuracy for single-label multiclass data.</summary>
    public static double MicroF1(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted) =>
        Weighted.MicroF1(labels, predicted, []);

    /// <summary>Mean negative log-likelihood of the true class; probabilities clipped to [eps, 1 - eps] and renormalised.</summary>
    public static double LogLoss(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, double epsilon = BinaryMetrics.DefaultLogLossEpsilon) =>
        Weighted.LogLoss(labels, probabilities, classCount, [], epsilon);

    /// <summary>The same metrics with per-row counts (empty = once each): used by bootstrap resamples.</summary>
    internal static class Weighted
    {
        public static double Accuracy(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted, ReadOnlySpan<int> counts)
        {
            Check(labels, predicted);
            double correct = 0, total = 0;
            for (var row = 0; row < labels.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                total += weight;
                if (labels[row] == predicted[row])
                {
                    correct += weight;
                }
            }

            return total == 0 ? double.NaN : correct / total;
        }

        public static double MacroF1(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted, int classCount, ReadOnlySpan<int> counts)
        {
            Check(labels, predicted);
            var tp = new double[classCount];
            var actualTotals = new double[classCount];
            var predictedTotals = new double[classCount];
            for (var row = 0; row < labels.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                actualTotals[labels[row]] += weight;
                predictedTotals[predicted[row]] += weight;
                if (labels[row] == predicted[row])
                {
                    tp[labels[row]] += weight;
                }
            }

            double sum = 0;
            var present = 0;
            for (var k = 0; k < classCount; k++)
            {
                if (actualTotals[k] == 0 && predictedTotals[k] == 0)
                {
                    continue;
                }

                var precision = predictedTotals[k] == 0 ? 0 : tp[k] / predictedTotals[k];
                var recall = actualTotals[k] == 0 ? 0 : tp[k] / actualTotals[k];
                sum += BinaryCounts.FScore(precision, recall);
                present++;
            }

            return present == 0 ? double.NaN : sum / present;
        }

        public static double MicroF1(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted, ReadOnlySpan<int> counts)
        {
            var accuracy = Accuracy(labels, predicted, counts);
            return BinaryCounts.FScore(accuracy, accuracy);
        }

        public static double LogLoss(ReadOnlySpan<int> labels, ReadOnlySpan<double> probabilities, int classCount, ReadOnlySpan<int> counts, double epsilon)
        {
            if (probabilities.Length != labels.Length * classCount)
            {
                throw new ArgumentException($"Expected {labels.Length} rows × {classCount} classes of probabilities, got {probabilities.Length} values.");
            }

            double sum = 0, total = 0;
            for (var row = 0; row < labels.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                if (weight == 0)
                {
                    continue;
                }

                var line = probabilities.Slice(row * classCount, classCount);
                double rowSum = 0;
                foreach (var p in line)
                {
                    rowSum += Math.Clamp(p, epsilon, 1 - epsilon);
                }

                var own = Math.Clamp(line[labels[row]], epsilon, 1 - epsilon) / rowSum;
                sum -= weight * Math.Log(own);
                total += weight;
            }

            return total == 0 ? double.NaN : sum / total;
        }

        private static void Check(ReadOnlySpan<int> labels, ReadOnlySpan<int> predicted)
        {
            if (labels.Length != predicted.Length)
            {
                throw new ArgumentException($"{labels.Length} labels but {predicted.Length} predictions.");
            }
        }
    }
}
