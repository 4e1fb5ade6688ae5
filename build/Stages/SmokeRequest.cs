using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// The smoke test's request and verdict: holdout rows as an MLflow `dataframe_split` body, and a check that
/// the container's predictions equal the in-process model's on the same rows.
/// </summary>
internal static class SmokeRequest
{
    public static string Body(Frame rows, ModelSchema schema)
    {
        var columns = new JsonArray(schema.Inputs.Select(i => (JsonNode)JsonValue.Create(i.Name)!).ToArray());
        var data = new JsonArray();
        for (var row = 0; row < rows.RowCount; row++)
        {
            var values = new JsonArray();
            foreach (var input in schema.Inputs)
            {
                var column = rows[input.Name];
                values.Add(column.IsMissing(row) ? null
                    : column.IsNumeric ? JsonValue.Create(column.Number(row))
                    : JsonValue.Create(column.GetText(row)));
            }

            data.Add(values);
        }

        return new JsonObject { ["dataframe_split"] = new JsonObject { ["columns"] = columns, ["data"] = data } }.ToJsonString();
    }

    /// <summary>Null when the response's predictions (and probabilities) equal <paramref name="expected"/>; else why not.</summary>
    public static string? Check(string responseBody, Predictions expected)
    {
        using var document = JsonDocument.Parse(responseBody);
        if (!document.RootElement.TryGetProperty("predictions", out var predictions) || predictions.ValueKind != JsonValueKind.Array)
        {
            return "the response has no \"predictions\" array";
        }

        if (predictions.GetArrayLength() != expected.RowCount)
        {
            return $"{predictions.GetArrayLength()} predictions for {expected.RowCount} rows";
        }

        var row = 0;
        foreach (var prediction in predictions.EnumerateArray())
        {
            if (expected.Task == TaskKind.Regression)
            {
                var value = prediction.GetDouble();
                if (Math.Abs(value - expected.Values[row]) > 1e-9 * Math.Max(1, Math.Abs(expected.Values[row])))
                {
                    return $"row {row}: container predicted {value}, the model {expected.Values[row]}";
                }
            }
            else
            {
                var label = prediction.ValueKind == JsonValueKind.String ? prediction.GetString() : prediction.GetRawText();
                if (!SameLabel(label, expected.Label(row)))
                {
                    return $"row {row}: container predicted '{label}', the model '{expected.Label(row)}'";
                }
            }

            row++;
        }

        return document.RootElement.TryGetProperty("probabilities", out var probabilities) && expected.Probabilities is { } p
            ? CheckProbabilities(probabilities, p, expected.Classes.Count)
            : null;
    }

    private static string? CheckProbabilities(JsonElement rows, double[] expected, int classes)
    {
        var row = 0;
        foreach (var values in rows.EnumerateArray())
        {
            var k = 0;
            foreach (var value in values.EnumerateArray())
            {
                var want = expected[(row * classes) + k];
                if (Math.Abs(value.GetDouble() - want) > 1e-9)
                {
                    return $"row {row}, class {k}: container probability {value.GetDouble()}, the model {want}";
                }

                k++;
            }

            row++;
        }

        return null;
    }

    private static bool SameLabel(string? a, string b) =>
        a == b || (double.TryParse(a, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, CultureInfo.InvariantCulture, out var y) && x == y);
}
