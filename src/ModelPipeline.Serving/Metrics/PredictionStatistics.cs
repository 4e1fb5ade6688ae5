using ModelPipeline.Training;

namespace ModelPipeline.Serving.Metrics;

/// <summary>
/// The distribution of what the model answered: predictions per class for classifiers (plus a histogram of the
/// positive-class probability for binary models), or a histogram of predicted values for regression.
/// </summary>
internal sealed class PredictionStatistics
{
    private static readonly double[] ScoreBuckets = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    private readonly ModelSchema _schema;
    private readonly long[] _perClass;
    private readonly Histogram? _scores;
    private readonly Histogram? _values;

    public PredictionStatistics(ModelSchema schema)
    {
        _schema = schema;
        _perClass = new long[schema.Classes.Count];
        _scores = schema.Task == TaskKind.Binary ? new Histogram(ScoreBuckets) : null;
        _values = schema.Task == TaskKind.Regression ? new Histogram(ValueBuckets()) : null;
    }

    public void Observe(Predictions predictions)
    {
        if (_values is { } values)
        {
            foreach (var value in predictions.Values)
            {
                values.Observe(value);
            }

            return;
        }

        foreach (var value in predictions.Values)
        {
            Interlocked.Increment(ref _perClass[(int)value]);
        }

        if (_scores is { } scores && predictions.Probabilities is { } probabilities)
        {
            for (var row = 0; row < predictions.RowCount; row++)
            {
                scores.Observe(probabilities[(2 * row) + 1]);
            }
        }
    }

    public void Write(PrometheusText text, string modelLabels)
    {
        if (_values is { } values)
        {
            text.Family("modelpipeline_prediction_value", "histogram", "Predicted values (regression).");
            values.Write(text, "modelpipeline_prediction_value", modelLabels);
            return;
        }

        text.Family("modelpipeline_predictions_total", "counter", "Predicted rows per class.");
        for (var c = 0; c < _perClass.Length; c++)
        {
            text.Sample("modelpipeline_predictions_total", $"{modelLabels},{PrometheusText.Label("class", _schema.Classes[c])}", Volatile.Read(ref _perClass[c]));
        }

        if (_scores is { } scores)
        {
            text.Family("modelpipeline_positive_score", "histogram", $"Probability of the positive class '{_schema.Classes[1]}'.");
            scores.Write(text, "modelpipeline_positive_score", modelLabels);
        }
    }

    /// <summary>0, ±(1, 2.5, 5)×10^k for k = -2..5: fine enough for values from cents to millions.</summary>
    private static double[] ValueBuckets()
    {
        var positive = new List<double>();
        for (var exponent = -2; exponent <= 5; exponent++)
        {
            foreach (var mantissa in (double[])[1, 2.5, 5])
            {
                positive.Add(Math.Round(mantissa * Math.Pow(10, exponent), 4));
            }
        }

        return [.. positive.AsEnumerable().Reverse().Select(v => -v), 0, .. positive];
    }
}
