namespace ModelPipeline.Targets.Tests;

/// <summary>
/// The build the command-line fuzz runs: a parameter of every supported type (nullable, arrays, enum, path, secret)
/// and a chain of targets with a required parameter and a condition, whose actions do nothing.
/// </summary>
internal sealed class CommandLineFuzzBuild : BuildDefinition
{
    public enum Stage
    {
        Development,
        Production,
    }

    [Parameter("Retrain even when unchanged")]
    public bool Force;

    [Parameter("Pipeline name")]
    public string Pipeline = "churn";

    [Parameter("Password of the registry")]
    [Secret]
    public string? RegistryToken;

    [Parameter("Registry URL")]
    public string? Registry;

    [Parameter("Random seed")]
    public int Seed = 42;

    [Parameter("Byte limit")]
    public long Limit = 1L << 40;

    [Parameter("Holdout fraction")]
    public double Holdout = 0.2;

    [Parameter("Price per hour")]
    public decimal Price = 1.5m;

    [Parameter("Deployment stage")]
    public Stage Deployment = Stage.Development;

    [Parameter("Stages to deploy to")]
    public Stage[] Stages = [];

    [Parameter("Image tags")]
    public string[] Tags = [];

    [Parameter("Output folder")]
    public AbsolutePath? Output;

    [Parameter("Input files")]
    public AbsolutePath[] Inputs = [];

    [Parameter("Optional budget")]
    public int? Budget { get; set; }

    [Parameter("Optional dry run")]
    public bool? DryRun { get; set; }

    public Target Restore => _ => _
        .Executes(() => { });

    public Target Retrain => _ => _
        .DependsOn(Restore)
        .Executes(() => { });

    public Target Evaluate => _ => _
        .DependsOn(Retrain)
        .Requires(() => Holdout < 1)
        .Executes(() => { });

    public Target Package => _ => _
        .Description("Packages the model")
        .DependsOn(Evaluate)
        .Executes(() => { });

    public Target Push => _ => _
        .Requires(() => Registry)
        .DependsOn(Package)
        .Description("Pushes the image")
        .Executes(() => { });

    public Target Default => _ => _
        .DependsOn(Evaluate);
}
