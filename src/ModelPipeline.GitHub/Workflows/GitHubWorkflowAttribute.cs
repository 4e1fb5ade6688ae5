namespace ModelPipeline.GitHub.Workflows;

/// <summary>
/// Declares a generated GitHub Actions workflow on the build class, like NUKE's <c>[GitHubActions]</c>:
/// <c>[GitHubWorkflow("retrain", DispatchInputs = ["Pipeline", "Force"], ImportSecrets = ["REGISTRY_PASSWORD=GITHUB_TOKEN@push"])]</c>.
/// The schedule and the watched paths come from the pipelines' YAML; the dispatch inputs' types, descriptions and
/// variables from the build's [Parameter] members; <c>./build.sh GenerateWorkflows</c> writes the file.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubWorkflowAttribute(string name) : Attribute
{
    /// <summary>Workflow name; the file is <c>.github/workflows/{Name}.yml</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Run on the pipelines' <c>schedule.cron</c> (UTC).</summary>
    public bool OnSchedule { get; set; } = true;

    /// <summary>Run when a data file or <c>pipelines/*.yaml</c> changes on the default branch.</summary>
    public bool OnPush { get; set; } = true;

    /// <summary>Run Retrain..CompareWithChampion on pull requests and comment the comparison.</summary>
    public bool OnPullRequest { get; set; } = true;

    /// <summary>Allow manual runs with <see cref="DispatchInputs"/>.</summary>
    public bool OnDispatch { get; set; } = true;

    /// <summary>Build parameters (member names) offered as typed workflow_dispatch inputs.</summary>
    public string[] DispatchInputs { get; set; } = [];

    /// <summary>The parameter (among <see cref="DispatchInputs"/>) that names the pipeline: a choice of the pipelines
    /// that picks which of them a manual run retrains.</summary>
    public string? PipelineInput { get; set; }

    /// <summary>The parameter (among <see cref="DispatchInputs"/>) that records what started the run: a dispatch sets it
    /// (e.g. <c>drift</c>), other events fill it from <c>github.event_name</c>.</summary>
    public string? TriggerInput { get; set; }

    /// <summary><c>ENV=SECRET</c> or <c>ENV=SECRET@job1,job2</c>: environment variables filled from secrets.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Branch watched by push and receiving registry commits.</summary>
    public string DefaultBranch { get; set; } = "main";
}
