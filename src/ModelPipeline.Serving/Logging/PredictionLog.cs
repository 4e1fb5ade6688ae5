using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using ModelPipeline.Data;
using ModelPipeline.Serving.Output;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Logging;

/// <summary>
/// Sampled request/prediction log for drift monitoring. A sampled request (probability = sample rate) appends one
/// JSON line per scored row to <c>predictions-NNNNNN.jsonl</c> in the log directory:
/// <c>{"time":"2026-11-22T07:31:02.123Z","pipeline":"churn","model_version":"1.2.0","inputs":{"tenure":12,"contract":"One year",...},
/// "prediction":1,"probabilities":[0.8,0.2]}</c> (inputs: numbers, booleans as 1/0, categories as text, missing as
/// null; prediction as in the scoring response; probabilities only for classifiers). Written in the background:
/// lines are dropped (and counted) rather than slowing scoring when the disk cannot keep up.
/// </summary>
internal sealed class PredictionLog : IDisposable
{
    public const string FilePrefix = "predictions";

    private readonly Channel<byte[]> _batches = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(4096) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly double _sampleRate;
    private readonly RotatingFile _file;
    private readonly JsonEncodedText _pipeline;
    private readonly JsonEncodedText _version;
    private readonly JsonEncodedText[] _names;
    private readonly Task _pump;
    private long _dropped;

    public PredictionLog(string directory, double sampleRate, long maxFileBytes, int keepFiles, ModelSchema schema, string pipeline, string version)
    {
        _sampleRate = sampleRate;
        _file = new RotatingFile(directory, FilePrefix, maxFileBytes, keepFiles);
        _pipeline = JsonEncodedText.Encode(pipeline);
        _version = JsonEncodedText.Encode(version);
        _names = [.. schema.Inputs.Select(i => JsonEncodedText.Encode(i.Name))];
        _pump = Task.Run(PumpAsync);
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public bool ShouldSample() => _sampleRate >= 1 || (_sampleRate > 0 && Random.Shared.NextDouble() < _sampleRate);

    public void Append(Frame inputs, Predictions predictions, ClassLabels labels)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * predictions.RowCount);
        var time = DateTime.UtcNow;
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            for (var row = 0; row < predictions.RowCount; row++)
            {
                WriteRow(writer, time, inputs, predictions, labels, row);
                writer.Flush();
                buffer.Write("\n"u8);
                writer.Reset(buffer);
            }
        }

        if (!_batches.Writer.TryWrite(buffer.WrittenSpan.ToArray()))
        {
            Interlocked.Add(ref _dropped, predictions.RowCount);
        }
    }

    public void Dispose()
    {
        _batches.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(10));
        _file.Dispose();
    }

    private void WriteRow(Utf8JsonWriter writer, DateTime time, Frame inputs, Predictions predictions, ClassLabels labels, int row)
    {
        writer.WriteStartObject();
        writer.WriteString("time"u8, time);
        writer.WriteString("pipeline"u8, _pipeline);
        writer.WriteString("model_version"u8, _version);
        writer.WriteStartObject("inputs"u8);
        for (var i = 0; i < _names.Length; i++)
        {
            var column = inputs.Columns[i];
            if (column.IsMissing(row))
            {
                writer.WriteNull(_names[i]);
            }
            else if (column.IsNumeric)
            {
                writer.WriteNumber(_names[i], column.Number(row));
            }
            else
            {
                writer.WriteString(_names[i], column.Categories[column.Codes![row]]);
            }
        }

        writer.WriteEndObject();
        writer.WritePropertyName("prediction"u8);
        labels.WritePrediction(writer, predictions, row);
        if (predictions.Probabilities is { } probabilities)
        {
            var classes = predictions.Classes.Count;
            writer.WriteStartArray("probabilities"u8);
            for (var c = 0; c < classes; c++)
            {
                writer.WriteNumberValue(probabilities[(row * classes) + c]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private async Task PumpAsync()
    {
        var reader = _batches.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var batch))
            {
                _file.Write(batch);
            }

            _file.Flush();
        }
    }
}
