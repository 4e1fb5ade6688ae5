using System.Text.Json;
using ModelPipeline.Data;
using ModelPipeline.Training;

namespace ModelPipeline.Monitoring;

/// <summary>
/// Reads a model server's prediction log (predictions-*.jsonl in a folder, one JSON object per scored row:
/// <c>{"time":...,"inputs":{col:val},"prediction":...,"probabilities":[...]}</c>) into the inputs as a frame and
/// the predictions the server made, so that drift is measured on what production really saw.
/// </summary>
public static class PredictionLogReader
{
    /// <exception cref="MonitoringException">No log files, or a line that is not a prediction record (names file and line).</exception>
    public static (Frame Inputs, Predictions Predictions) Read(string directory, ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var files = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "predictions*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            throw new MonitoringException($"no prediction log files (predictions*.jsonl) in {directory}");
        }

        var numbers = schema.Inputs.Select(_ => new List<double>()).ToArray();
        var texts = schema.Inputs.Select(_ => new List<string?>()).ToArray();
        var values = new List<double>();
        var probabilities = new List<double>();
        var classIndex = schema.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var line = 0;
            foreach (var text in File.ReadLines(file))
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(text);
                    var root = document.RootElement;
                    var inputs = root.GetProperty("inputs");
                    for (var i = 0; i < schema.Inputs.Count; i++)
                    {
                        var present = inputs.TryGetProperty(schema.Inputs[i].Name, out var cell) && cell.ValueKind != JsonValueKind.Null;
                        if (schema.Inputs[i].Kind == ColumnKind.Categorical)
                        {
                            texts[i].Add(present ? (cell.ValueKind == JsonValueKind.String ? cell.GetString() : cell.GetRawText()) : null);
                        }
                        else
                        {
                            numbers[i].Add(!present ? double.NaN : cell.ValueKind == JsonValueKind.True ? 1 : cell.ValueKind == JsonValueKind.False ? 0 : cell.GetDouble());
                        }
                    }

                    var prediction = root.GetProperty("prediction");
                    values.Add(schema.Task == TaskKind.Regression
                        ? prediction.GetDouble()
                        : classIndex.TryGetValue(prediction.ValueKind == JsonValueKind.String ? prediction.GetString()! : prediction.GetRawText(), out var c) ? c : 0);
                    if (schema.Task != TaskKind.Regression)
                    {
                        var probs = root.GetProperty("probabilities");
                        foreach (var p in probs.EnumerateArray())
                        {
                            probabilities.Add(p.GetDouble());
                        }
                    }
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    throw new MonitoringException($"{file}:{line}: not a prediction log record ({e.Message})");
                }
            }
        }

        var columns = new Column[schema.Inputs.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var input = schema.Inputs[i];
            columns[i] = input.Kind switch
            {
                ColumnKind.Categorical => Categorical(input.Name, texts[i]),
                ColumnKind.Boolean => Column.Boolean(input.Name, [.. numbers[i]]),
                _ => Column.Numeric(input.Name, [.. numbers[i]]),
            };
        }

        var predictions = new Predictions(schema.Task, schema.Classes, [.. values], schema.Task == TaskKind.Regression ? null : [.. probabilities]);
        return (new Frame(columns), predictions);
    }

    private static Column Categorical(string name, List<string?> texts)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[texts.Count];
        for (var r = 0; r < codes.Length; r++)
        {
            codes[r] = texts[r] is { } t ? (levels.TryGetValue(t, out var code) ? code : levels[t] = levels.Count) : -1;
        }

        return Column.Categorical(name, codes, [.. levels.OrderBy(p => p.Value).Select(p => p.Key)]);
    }
}
