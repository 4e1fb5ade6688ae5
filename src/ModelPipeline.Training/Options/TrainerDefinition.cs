namespace ModelPipeline.Training.Options;

/// <summary>A trainer known by name: the tasks it does, its parameters, how it fits and how its body is read back.</summary>
internal sealed record TrainerDefinition(
    string Name,
    IReadOnlyList<TaskKind> Tasks,
    IReadOnlyList<ParameterDefinition> Parameters,
    Func<TrainingContext, ModelBody> Fit,
    Func<BinaryReader, ModelSchema, ModelBody> Read);
