namespace ModelPipeline.GitHub.Workflows;

/// <summary>
/// Everything <see cref="WorkflowGenerator"/> needs to write one <c>.github/workflows/&lt;FileName&gt;</c>: plain data,
/// usually built from a <see cref="GitHubWorkflowAttribute"/> on the build class plus the pipelines' YAML files.
/// </summary>
/// <param name="FileName">File name under <c>.github/workflows/</c>, e.g. <c>retrain.yml</c>.</param>
/// <param name="Name">The workflow's display name.</param>
/// <param name="Pipelines">Pipeline names; one job per stage runs them as a matrix when there are several.</param>
/// <param name="Schedules">5-field cron expressions (UTC) for the <c>schedule</c> trigger; empty = no schedule.</param>
/// <param name="WatchedPaths">Paths whose change on the default branch (or in a pull request) starts a run:
/// the pipelines' data files and <c>pipelines/*.yaml</c>.</param>
/// <param name="Inputs">Typed <c>workflow_dispatch</c> inputs, each handed to the build as <c>--name value</c>.</param>
/// <param name="Secrets">Environment variables filled from repository secrets (a [Secret] parameter reads its env name).</param>
/// <param name="Stages">Jobs in order; each names its <c>needs</c>.</param>
/// <param name="RegenerateCommand">What to run to rewrite the file; written into the auto-generated header.</param>
public sealed record WorkflowSpec(
    string FileName,
    string Name,
    IReadOnlyList<string> Pipelines,
    IReadOnlyList<string> Schedules,
    IReadOnlyList<string> WatchedPaths,
    IReadOnlyList<WorkflowInput> Inputs,
    IReadOnlyList<SecretMapping> Secrets,
    IReadOnlyList<StageJob> Stages,
    string RegenerateCommand)
{
    /// <summary>Branch that push triggers watch and that registry metadata is committed back to.</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>Run when a watched path changes on <see cref="DefaultBranch"/>.</summary>
    public bool OnPush { get; init; } = true;

    /// <summary>Run on pull requests (stages with <see cref="StageJob.OnPullRequest"/> only; no push).</summary>
    public bool OnPullRequest { get; init; } = true;

    /// <summary>Allow manual runs (workflow_dispatch) with <see cref="Inputs"/>.</summary>
    public bool OnDispatch { get; init; } = true;

    /// <summary>Runner label for every job.</summary>
    public string RunsOn { get; init; } = "ubuntu-latest";

    /// <summary>Where <c>Push</c> sends images; handed to the build as REGISTRY.</summary>
    public string PushRegistry { get; init; } = "ghcr.io/${{ github.repository_owner }}";

    /// <summary>Id of the input (in <see cref="Inputs"/>) choosing the pipeline(s) of a manual run; null = all of them.</summary>
    public string? PipelineInput { get; init; }

    /// <summary>Id of the input (in <see cref="Inputs"/>) that a dispatch sets to say what started it (e.g. <c>drift</c>).</summary>
    public string? TriggerInput { get; init; }

    /// <summary>Debian packages per pipeline name (only pipelines that need some): the job that retrains a pipeline installs them with apt-get first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AptPackages { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The build's entry script.</summary>
    public string BuildScript { get; init; } = "./build.sh";
}
