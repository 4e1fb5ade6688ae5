namespace ModelPipeline.Definitions;

/// <summary>The trainer and its hyperparameters (free-form: the trainer validates names and values).</summary>
public sealed record TrainerSection(TrainerType Type, IReadOnlyDictionary<string, ParameterValue> Params);
