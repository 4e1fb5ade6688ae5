namespace ModelPipeline.Training.Tests.Support;

/// <summary>Builders for training specs used across tests.</summary>
internal static class Specs
{
    public static TrainingSpec Of(TaskKind task, string label, string trainer, params (string Name, string Value)[] parameters) =>
        new(task, label, parameters.ToDictionary(p => p.Name, p => p.Value)) { TrainerType = trainer };
}
