using ModelPipeline.Training;

namespace ModelPipeline.Onnx.Command;

/// <summary>What a training command is told besides the rows: task, label, classes in probability order, seed, parameters.</summary>
public sealed record TrainingRequest(TaskKind Task, string Label, IReadOnlyList<string> Classes, int Seed, IReadOnlyDictionary<string, string> Parameters);
