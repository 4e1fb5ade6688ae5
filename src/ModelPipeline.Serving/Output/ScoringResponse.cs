using System.Buffers;
using System.Text.Json;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Output;

/// <summary>
/// The body of a successful <c>POST /invocations</c>, MLflow-shaped:
/// <c>{"predictions": [label or value per row]}</c>; classifiers add <c>"probabilities"</c>: one list per row
/// with a probability per class, in the order of <c>GET /model</c>'s <c>classes</c> (MLflow keeps extra top-level
/// keys next to <c>predictions</c> as response metadata, so MLflow clients read <c>predictions</c> unchanged).
/// </summary>
internal static class ScoringResponse
{
    private static readonly JsonEncodedText PredictionsName = JsonEncodedText.Encode("predictions");
    private static readonly JsonEncodedText ProbabilitiesName = JsonEncodedText.Encode("probabilities");

    /// <summary>
    /// As the plain answer, plus, when asked (<c>"params": {"explain": true}</c>), <c>"explanations"</c>:
    /// <c>inputs</c> (names), <c>outputs</c> (the label, the positive class, or every class), <c>base_values</c> (one
    /// per output) and <c>contributions</c>: per row, per output, one number per input; a row's base value plus its
    /// contributions is its raw output (value, log-odds, class score before the softmax).
    /// </summary>
    public static void Write(IBufferWriter<byte> output, Predictions predictions, ClassLabels labels, Attributions? attributions)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.WriteStartObject();
        writer.WriteStartArray(PredictionsName);
        for (var row = 0; row < predictions.RowCount; row++)
        {
            labels.WritePrediction(writer, predictions, row);
        }

        writer.WriteEndArray();
        if (predictions.Probabilities is { } probabilities)
        {
            var classes = predictions.Classes.Count;
            writer.WriteStartArray(ProbabilitiesName);
            for (var row = 0; row < predictions.RowCount; row++)
            {
                writer.WriteStartArray();
                for (var c = 0; c < classes; c++)
                {
                    writer.WriteNumberValue(probabilities[(row * classes) + c]);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        if (attributions is not null)
        {
            WriteExplanations(writer, attributions);
        }

        writer.WriteEndObject();
    }

    private static void WriteExplanations(Utf8JsonWriter writer, Attributions attributions)
    {
        writer.WriteStartObject("explanations");
        writer.WriteStartArray("inputs");
        foreach (var input in attributions.Inputs)
        {
            writer.WriteStringValue(input);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("outputs");
        foreach (var name in attributions.Outputs)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("base_values");
        foreach (var value in attributions.BaseValues)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("contributions");
        for (var row = 0; row < attributions.RowCount; row++)
        {
            writer.WriteStartArray();
            for (var o = 0; o < attributions.Outputs.Count; o++)
            {
                writer.WriteStartArray();
                foreach (var value in attributions.Row(row, o))
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
