using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using ModelPipeline.Data;
using ModelPipeline.Onnx.Scoring;
using ModelPipeline.Training;

namespace ModelPipeline.Onnx;

/// <summary>
/// An ONNX model scored with OnnxRuntime, predicting like a built-in model (<see cref="Predictions"/>): inputs are
/// the frame's columns by name; a classifier's probabilities come from its <c>probabilities</c> output (or its only
/// float/double output with one column per class), in the order of the <c>modelpipeline.classes</c> metadata or,
/// without it, the pipeline's class order; a regressor's values from <c>variable</c> (or its first float/double output).
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private const int ChunkRows = 16_384;

    private readonly InferenceSession _session;
    private readonly OnnxInputs _inputs;
    private readonly string _output;

    private OnnxModel(InferenceSession session, TaskKind task, IReadOnlyList<string> classes, string output)
    {
        _session = session;
        Task = task;
        Classes = classes;
        _output = output;
        _inputs = new OnnxInputs(session.InputMetadata);
    }

    public TaskKind Task { get; }

    /// <summary>The classes in probability-column order (empty for regression).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The model's input names: the columns it reads.</summary>
    public IReadOnlyList<string> InputNames => _inputs.Names;

    /// <summary>The model's metadata properties (custom_metadata_map).</summary>
    public IReadOnlyDictionary<string, string> Metadata => _session.ModelMetadata.CustomMetadataMap;

    /// <summary>Loads ONNX bytes for a <paramref name="task"/> whose classes are <paramref name="classes"/> unless the model names its own.</summary>
    /// <exception cref="OnnxModelException">Not a valid ONNX model, or no output fits the task; one line says which.</exception>
    public static OnnxModel Load(byte[] bytes, TaskKind task, IReadOnlyList<string> classes, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var session = Open(bytes, threads);
        try
        {
            var metadata = session.ModelMetadata.CustomMetadataMap;
            if (metadata.TryGetValue(OnnxExport.TaskKey, out var declared) && !string.Equals(declared, task.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new OnnxModelException($"the ONNX model is a {declared} model ({OnnxExport.TaskKey}); the pipeline's task is {task.ToString().ToLowerInvariant()}");
            }

            var ownClasses = metadata.TryGetValue(OnnxExport.ClassesKey, out var json) ? ParseClasses(json) : classes;
            if (task != TaskKind.Regression && !ownClasses.Order(StringComparer.Ordinal).SequenceEqual(classes.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new OnnxModelException($"the ONNX model's classes ({string.Join(", ", ownClasses)}) are not the label's classes ({string.Join(", ", classes)})");
            }

            return new OnnxModel(session, task, task == TaskKind.Regression ? [] : ownClasses, ChooseOutput(session, task, ownClasses.Count));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The producer named in the file (producer_name and model version), e.g. "scikit-learn 1.2.1".</summary>
    public string Producer => _session.ModelMetadata.ProducerName;

    /// <summary>The metadata properties of an ONNX file, without checking its outputs.</summary>
    /// <exception cref="OnnxModelException">Not a valid ONNX model.</exception>
    public static IReadOnlyDictionary<string, string> ReadMetadata(byte[] bytes)
    {
        using var session = Open(bytes, 1);
        return new Dictionary<string, string>(session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal);
    }

    /// <summary>Checks that every model input has a column of a fitting kind in <paramref name="frame"/>.</summary>
    /// <exception cref="ModelSchemaException">They do not match; the message lists the model's inputs and the data's columns.</exception>
    public void CheckInputs(Frame frame) => _inputs.Check(frame);

    /// <exception cref="ModelSchemaException">The frame's columns do not match the model's inputs.</exception>
    public Predictions Predict(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _inputs.Check(frame);
        var k = Task == TaskKind.Regression ? 1 : Classes.Count;
        var scores = new double[frame.RowCount * k];
        for (var start = 0; start < frame.RowCount; start += ChunkRows)
        {
            var end = Math.Min(frame.RowCount, start + ChunkRows);
            using var results = _session.Run(_inputs.Tensors(frame, start, end), [_output]);
            var tensor = results[0];
            var values = tensor.Value switch
            {
                Microsoft.ML.OnnxRuntime.Tensors.Tensor<double> d => d.ToArray(),
                Microsoft.ML.OnnxRuntime.Tensors.Tensor<float> f => [.. f.ToArray().Select(v => (double)v)],
                _ => throw new OnnxModelException($"output '{_output}' is not a float or double tensor"),
            };
            if (values.Length != (end - start) * k)
            {
                throw new OnnxModelException($"output '{_output}' has {values.Length} values for {end - start} rows; expected {k} per row");
            }

            values.CopyTo(scores, start * k);
        }

        return Task == TaskKind.Regression ? new Predictions(Task, Classes, scores, null) : new Predictions(Task, Classes, PredictedClasses(scores, k), scores);
    }

    public void Dispose() => _session.Dispose();

    private double[] PredictedClasses(double[] probabilities, int k)
    {
        var values = new double[probabilities.Length / k];
        for (var row = 0; row < values.Length; row++)
        {
            var best = 0;
            for (var c = 1; c < k; c++)
            {
                if (probabilities[(row * k) + c] > probabilities[(row * k) + best])
                {
                    best = c;
                }
            }

            values[row] = Task == TaskKind.Binary ? (probabilities[(row * 2) + 1] >= 0.5 ? 1 : 0) : best;
        }

        return values;
    }

    private static string ChooseOutput(InferenceSession session, TaskKind task, int classes)
    {
        var numeric = session.OutputMetadata
            .Where(o => o.Value.IsTensor && (o.Value.ElementType == typeof(double) || o.Value.ElementType == typeof(float)))
            .ToList();
        var preferred = task == TaskKind.Regression ? "variable" : "probabilities";
        var fits = numeric.Where(o => task == TaskKind.Regression
            ? o.Value.Dimensions.Length == 1 || (o.Value.Dimensions.Length == 2 && o.Value.Dimensions[1] is 1 or -1)
            : o.Value.Dimensions.Length == 2 && o.Value.Dimensions[1] is var width && (width == classes || width == -1)).ToList();
        var chosen = fits.FirstOrDefault(o => o.Key == preferred).Key ?? (fits.Count > 0 ? fits[0].Key : null);
        var all = string.Join(", ", session.OutputMetadata.Select(o => $"{o.Key} ({OnnxInputs.Describe(o.Value)})"));
        return chosen ?? throw new OnnxModelException(task == TaskKind.Regression
            ? $"the ONNX model has no float or double output of shape [N] or [N, 1] for the predicted value; its outputs: {all}"
            : $"the ONNX model has no float or double output of shape [N, {classes}] for the class probabilities; its outputs: {all}");
    }

    private static IReadOnlyList<string> ParseClasses(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OnnxJsonContext.Default.StringArray) ?? [];
        }
        catch (JsonException)
        {
            throw new OnnxModelException($"metadata {OnnxExport.ClassesKey} is not a JSON array of strings: {json}");
        }
    }

    private static InferenceSession Open(byte[] bytes, int? threads)
    {
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = threads ?? 0, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            return new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException error)
        {
            throw new OnnxModelException("not a valid ONNX model: " + FirstLine(error.Message), error);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
