namespace ModelPipeline.Targets.Tests;

/// <summary>A sample build shaped like the real one: Restore -> Retrain -> Evaluate -> Package -> Push.</summary>
internal sealed class PipelineBuild : RecordingBuild
{
    [Parameter("Pipeline under pipelines/")]
    public string Pipeline = "churn";

    [Parameter("Registry to push to")]
    public string? Registry;

    [Parameter("Token for the registry")]
    [Secret]
    public string? RegistryToken;

    public Target Restore => _ => _
        .Description("Restores inputs")
        .Executes(Record(nameof(Restore)));

    public Target Retrain => _ => _
        .Description("Retrains the model")
        .DependsOn(Restore)
        .Executes(Record(nameof(Retrain)));

    public Target Evaluate => _ => _
        .Description("Evaluates the model")
        .DependsOn(Retrain)
        .Requires(() => Pipeline)
        .Executes(Record(nameof(Evaluate)));

    public Target Package => _ => _
        .DependsOn(Evaluate)
        .Executes(Record(nameof(Package)));

    public Target Push => _ => _
        .DependsOn(Package)
        .Requires(() => Registry)
        .Executes(() => Log.Information($"pushing with {RegistryToken}"));

    public Target Default => _ => _
        .DependsOn(Evaluate);
}
