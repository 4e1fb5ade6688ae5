namespace ModelPipeline.Definitions;

/// <summary>One ML.NET trainer: its <c>trainer.name</c>, the tasks it learns and its parameters.</summary>
public sealed record MLNetTrainerInfo(string Name, IReadOnlyList<string> Tasks, IReadOnlyList<MLNetParameter> Parameters);
