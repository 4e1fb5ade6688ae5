using ModelPipeline.Data;
using ModelPipeline.Definitions;
using ModelPipeline.Registry;
using ModelPipeline.Targets;

namespace ModelPipeline.Build;

/// <summary>
/// ModelPipeline's targets: Retrain -> Evaluate -> CompareWithChampion -> PackageToContainer -> Push -> Deploy, plus
/// Test, Models, Promote, Rollback, Benchmark and Monitor. Each target strings together calls into the libraries
/// under src/ and does nothing else; the glue that maps one library's records onto another's lives in Stages/.
/// </summary>
internal sealed partial class Build : BuildDefinition
{
    [Parameter("Pipeline to run: the name of a file pipelines/<name>.yaml")]
    readonly string Pipeline = "churn";

    [Parameter("Retrain even when data and config are unchanged since the champion; package and push even when not promoted")]
    readonly bool Force;

    [Parameter("OCI registry to push to (host:port); overrides the pipeline's push.registry")]
    readonly string? Registry;

    [Parameter("User name for the OCI registry (ghcr.io: your GitHub user)")]
    readonly string? RegistryUsername;

    [Parameter("Password or token for the OCI registry (ghcr.io: GITHUB_TOKEN)")]
    [Secret]
    readonly string? RegistryPassword;

    [Parameter("What started this run: local, schedule, data_change, drift, manual or ci")]
    readonly string? Trigger;

    [Parameter("Folder of the model registry")]
    readonly string ModelsDirectory = "models";

    [Parameter("Base image for PackageToContainer; overrides the pipeline's container.base (empty there too = the offline base built from this machine's libraries)")]
    readonly string? BaseImage;

    [Parameter("Threads for training and scoring (default: all cores); results do not depend on it")]
    readonly int? Threads;

    public static int Main(string[] args) => Start(args, null);

    /// <summary>Runs the build with the given arguments; tests pass their own host to capture output.</summary>
    internal static int Start(string[] args, BuildHost? host) => Execute<Build>(args, x => x.Deploy, host);

    PipelineRun Run => _run ??= new PipelineRun(RootDirectory, Pipeline, ModelsDirectory, Log, Threads) { Tracking = Mlflow };

    /// <summary>
    /// Mistakes in what the user wrote: a pipeline file, a pipeline's name, a data file, a version or alias. Their
    /// messages say where and what (<c>file:line:column: key: ...</c>), so the engine prints them as they are, once.
    /// </summary>
    protected override bool IsInputMistake(Exception error) => error
        is PipelineDefinitionException
        or PipelineNotFoundException
        or DataFormatException
        or (RegistryException and not RegistryIntegrityException)
        or ClusterUnreachableException
        or Tracking.MLflowException;

    PipelineRun? _run;
}
