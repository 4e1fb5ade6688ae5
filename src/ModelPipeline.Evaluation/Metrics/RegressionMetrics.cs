namespace ModelPipeline.Evaluation;

/// <summary>Regression metrics on actual and predicted values, each equal to scikit-learn 1.2's function.</summary>
public static class RegressionMetrics
{
    /// <summary>RMSE, MAE and R² by name (see <see cref="MetricNames.Regression"/>).</summary>
    public static Metrics Compute(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted) =>
        new(new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MetricNames.Rmse] = Rmse(actual, predicted),
            [MetricNames.Mae] = Mae(actual, predicted),
            [MetricNames.R2] = R2(actual, predicted),
        });

    /// <summary>Square root of mean_squared_error.</summary>
    public static double Rmse(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted) => Weighted.Rmse(actual, predicted, []);

    public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted) => Weighted.Mae(actual, predicted, []);

    /// <summary>r2_score: 1 when constant targets are predicted exactly, 0 when a constant target is missed.</summary>
    public static double R2(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted) => Weighted.R2(actual, predicted, []);

    /// <summary>The same metrics with per-row counts (empty = once each): used by bootstrap resamples.</summary>
    internal static class Weighted
    {
        public static double Rmse(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<int> counts)
        {
            Check(actual, predicted);
            double sum = 0, total = 0;
            for (var row = 0; row < actual.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                var error = actual[row] - predicted[row];
                sum += weight * error * error;
                total += weight;
            }

            return Math.Sqrt(sum / total);
        }

        public static double Mae(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<int> counts)
        {
            Check(actual, predicted);
            double sum = 0, total = 0;
            for (var row = 0; row < actual.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                sum += weight * Math.Abs(actual[row] - predicted[row]);
                total += weight;
            }

            return sum / total;
        }

        public static double R2(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted, ReadOnlySpan<int> counts)
        {
            Check(actual, predicted);
            double weightedSum = 0, total = 0;
            for (var row = 0; row < actual.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                weightedSum += weight * actual[row];
                total += weight;
            }

            var mean = weightedSum / total;
            double residual = 0, spread = 0;
            for (var row = 0; row < actual.Length; row++)
            {
                var weight = counts.IsEmpty ? 1 : counts[row];
                var error = actual[row] - predicted[row];
                var deviation = actual[row] - mean;
                residual += weight * error * error;
                spread += weight * deviation * deviation;
            }

            if (spread == 0)
            {
                return residual == 0 ? 1 : 0;
            }

            return 1 - (residual / spread);
        }

        private static void Check(ReadOnlySpan<double> actual, ReadOnlySpan<double> predicted)
        {
            if (actual.Length != predicted.Length)
            {
                throw new ArgumentException($"{actual.Length} actual values but {predicted.Length} predictions.");
            }

            if (actual.Length == 0)
            {
                throw new ArgumentException("No rows to score.");
            }
        }
    }
}
