namespace ModelPipeline.Training;

/// <summary>
/// What a model reads and predicts: its task, its label, the label's classes (empty for regression; for binary
/// models class index 1 is the positive class) and the input columns it needs.
/// </summary>
public sealed record ModelSchema(TaskKind Task, string Label, IReadOnlyList<string> Classes, IReadOnlyList<InputColumn> Inputs);
