namespace ModelPipeline.GitHub.Workflows;

/// <summary>What a pipeline contributes to the workflow: its data files (push paths), its cron (UTC), and the Debian packages its training needs.</summary>
/// <param name="DataFiles">Data files relative to the repository root, '/' separators.</param>
/// <param name="Cron">The pipeline's <c>schedule.cron</c>, or null.</param>
public sealed record PipelineTriggers(string Name, IReadOnlyList<string> DataFiles, string? Cron)
{
    /// <summary>The pipeline's <c>trainer.apt_packages</c> (a <c>command</c> trainer's Debian packages): installed with apt-get on the runner before the job that retrains it; empty = none.</summary>
    public IReadOnlyList<string> AptPackages { get; init; } = [];
}
