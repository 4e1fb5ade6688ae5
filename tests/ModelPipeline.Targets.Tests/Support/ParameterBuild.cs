namespace ModelPipeline.Targets.Tests;

/// <summary>A sample build with one parameter of each supported type.</summary>
internal sealed class ParameterBuild : BuildDefinition
{
    public enum Stage
    {
        Development,
        Production,
    }

    [Parameter("Pipeline name")]
    public string Pipeline = "churn";

    [Parameter("Registry URL")]
    public string? RegistryUrl;

    [Parameter("Retrain even when unchanged")]
    public bool Force;

    [Parameter("Random seed")]
    public int Seed = 42;

    [Parameter("Holdout fraction")]
    public double Holdout = 0.2;

    [Parameter("Deployment stage")]
    public Stage Deployment = Stage.Development;

    [Parameter("Image tags")]
    public string[] Tags = [];

    [Parameter("Output folder")]
    public AbsolutePath? Output;

    [Parameter("Optional budget")]
    public int? Budget { get; set; }

    public Target Show => _ => _.Executes(() => { });
}
