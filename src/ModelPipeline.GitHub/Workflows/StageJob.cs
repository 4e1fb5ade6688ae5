namespace ModelPipeline.GitHub.Workflows;

/// <summary>
/// One job of the workflow. <see cref="StageKind.Build"/> jobs download the previous stage's artifact, run
/// <c>./build.sh {Targets} --skip</c> and upload <c>artifacts/&lt;pipeline&gt;/</c> and <c>models/&lt;pipeline&gt;/</c>
/// for the next job.
/// </summary>
/// <param name="Id">Job id, e.g. <c>retrain</c>.</param>
/// <param name="Targets">Build targets this job runs (no dependencies: each job runs only what it names).</param>
/// <param name="Needs">Job ids that must finish first; the first one's artifact is downloaded.</param>
/// <param name="Permissions">GITHUB_TOKEN scopes, e.g. <c>contents: read</c>; least privilege per job.</param>
/// <param name="OnPullRequest">Also runs for pull requests (Retrain..CompareWithChampion and the report do; package/push do not).</param>
public sealed record StageJob(
    string Id,
    string Name,
    StageKind Kind,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Needs,
    IReadOnlyDictionary<string, string> Permissions,
    bool OnPullRequest)
{
    /// <summary>Log in to ghcr.io with GITHUB_TOKEN before running (the push job).</summary>
    public bool RegistryLogin { get; init; }

    /// <summary>
    /// Its targets move the champion: the job has one output per pipeline, <see cref="StandardStages.ChampionChanged"/>
    /// (<c>true</c>/<c>false</c>, written by the build; empty when the step skipped its targets), so that a later job can
    /// run only when the champion changed. Each matrix leg writes only its own pipeline's output.
    /// </summary>
    public bool ChampionOutputs { get; init; }

    /// <summary>The GitHub environment the job runs in (e.g. <c>production</c>): its protection rules and secrets apply; null = none.</summary>
    public string? Environment { get; init; }
}
