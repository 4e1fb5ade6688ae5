namespace ModelPipeline.Definitions;

/// <summary>
/// The trainer and its hyperparameters. Built-in trainers validate names and values themselves; ML.NET trainers'
/// parameters are checked here against <see cref="MLNetTrainerCatalog"/>; an own estimator gets them as written.
/// </summary>
public sealed record TrainerSection(TrainerType Type, IReadOnlyDictionary<string, ParameterValue> Params)
{
    /// <summary><c>trainer.name</c> for <c>type: mlnet</c>: the ML.NET trainer, e.g. <c>lightgbm</c> (<see cref="MLNetTrainerCatalog"/>).</summary>
    public string? Name { get; init; }

    /// <summary><c>trainer.estimator</c> for <c>type: mlnet</c>: the class in <c>trainers/</c> that builds the ML.NET pipeline.</summary>
    public string? Estimator { get; init; }
}
