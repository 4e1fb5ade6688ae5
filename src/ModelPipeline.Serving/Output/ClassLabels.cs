using System.Globalization;
using System.Text.Json;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Output;

/// <summary>
/// How each class is written in <c>predictions</c>: a label that is a plain number in text ("0", "1", "2.5") is
/// written as a JSON number, as scikit-learn models served by MLflow answer; any other label as a JSON string.
/// </summary>
internal sealed class ClassLabels
{
    private readonly double?[] _numbers;
    private readonly JsonEncodedText[] _texts;

    public ClassLabels(IReadOnlyList<string> classes)
    {
        _numbers = new double?[classes.Count];
        _texts = new JsonEncodedText[classes.Count];
        for (var i = 0; i < classes.Count; i++)
        {
            _texts[i] = JsonEncodedText.Encode(classes[i]);
            if (double.TryParse(classes[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number)
                && number.ToString("R", CultureInfo.InvariantCulture) == classes[i])
            {
                _numbers[i] = number;
            }
        }
    }

    public void Write(Utf8JsonWriter writer, int classIndex)
    {
        if (_numbers[classIndex] is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(_texts[classIndex]);
        }
    }

    /// <summary>Writes the prediction of one row: the class label, or the value for regression (null if not finite).</summary>
    public void WritePrediction(Utf8JsonWriter writer, Predictions predictions, int row)
    {
        var value = predictions.Values[row];
        if (predictions.Task != TaskKind.Regression)
        {
            Write(writer, (int)value);
        }
        else if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
