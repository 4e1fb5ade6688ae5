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

    public static void Write(IBufferWriter<byte> output, Predictions predictions, ClassLabels labels)
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

        writer.WriteEndObject();
    }
}
