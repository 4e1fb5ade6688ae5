using System.Diagnostics;
using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.Onnx;
using ModelPipeline.Onnx.Command;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class PipelineRun
{
    /// <summary>
    /// The files an external trainer depends on, fingerprinted with the data so that changing them retrains:
    /// onnx_file's model, and every word of a command that names a file in the repository (e.g. its script).
    /// </summary>
    public IReadOnlyList<string> TrainerFiles => Definition.Trainer switch
    {
        { Type: TrainerType.OnnxFile, Path: { } path } => [Path.Combine(Root, path)],
        { Type: TrainerType.Command, Command: { } command } => [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(word => word.Trim('"', '\''))
            .Where(word => word.Length > 0 && !word.StartsWith('-') && !Path.IsPathRooted(word) && File.Exists(Path.Combine(Root, word)))
            .Select(word => Path.Combine(Root, word))
            .Distinct(StringComparer.Ordinal)],
        _ => [],
    };

    /// <summary>
    /// The challenger of trainer.type onnx_file (the repository's file) or command (what the command wrote), checked
    /// and wrapped as an ONNX model kind for the training rows' schema.
    /// </summary>
    private IScoringModel TrainExternal(Frame train, TrainingSpec spec)
    {
        var trainer = Definition.Trainer;
        var schema = ModelTrainer.DescribeSchema(train, spec);
        var parameters = trainer.Params.ToDictionary(p => p.Key, p => p.Value.Text, StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        byte[] onnx;
        string source;
        if (trainer.Type == TrainerType.OnnxFile)
        {
            source = "onnx_file";
            onnx = File.ReadAllBytes(Path.Combine(Root, trainer.Path!));
            Log.Information($"Reading the pre-trained ONNX model {trainer.Path} ({onnx.Length:N0} bytes)");
        }
        else
        {
            source = "command";
            var command = new TrainingCommand(trainer.Command!, TimeSpan.FromSeconds(trainer.TimeoutSeconds));
            Log.Information($"Running the training command `{command.Command}` on {train.RowCount:N0} rows (seed {spec.Seed}, time limit {trainer.TimeoutSeconds:0.#} s)");
            var request = new TrainingRequest(spec.Task, spec.Label, schema.Classes, spec.Seed, parameters);
            onnx = command.Run(train.Without([.. spec.IgnoredColumns]), request, Root, line => Log.Information($"  | {line}"));
        }

        OnnxScoringModel model;
        try
        {
            model = OnnxScoringModel.Create(onnx, schema, train, source, parameters);
        }
        catch (Exception error) when (trainer.Type == TrainerType.OnnxFile && error is OnnxModelException or ModelSchemaException or ModelFormatException)
        {
            throw new OnnxModelException($"{Definition.SourceFile}: trainer.path: {trainer.Path}: {error.Message}", error);
        }

        Log.Information($"ONNX model reads {model.Schema.Inputs.Count} of {schema.Inputs.Count} input columns ({watch.Elapsed.TotalSeconds:F2} s)");
        return model;
    }
}
