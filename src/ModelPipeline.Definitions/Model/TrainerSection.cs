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

    /// <summary><c>onnx_file</c>: the ONNX model, relative to the repository root.</summary>
    public string? Path { get; init; }

    /// <summary><c>command</c>: the shell command, run by <c>/bin/sh -c</c> in the repository root.</summary>
    public string? Command { get; init; }

    /// <summary><c>command</c>: seconds the command may run before it is killed.</summary>
    public double TimeoutSeconds { get; init; } = PipelineDefaults.CommandTimeoutSeconds;

    /// <summary><c>command</c>: Debian/Ubuntu packages the command needs (<c>trainer.apt_packages</c>), installed by the generated GitHub workflow before Retrain.</summary>
    public IReadOnlyList<string> AptPackages { get; init; } = [];

    /// <summary>Whether the model comes from outside the process (<c>onnx_file</c> or <c>command</c>) rather than being fitted by ModelPipeline (built-in or ML.NET).</summary>
    public bool IsExternal => Type is TrainerType.OnnxFile or TrainerType.Command;
}
