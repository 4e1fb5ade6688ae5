namespace ModelPipeline.GitHub.Workflows;

/// <summary>What a pipeline contributes to the workflow's triggers: its data files (push paths) and its cron (UTC).</summary>
/// <param name="DataFiles">Data files relative to the repository root, '/' separators.</param>
/// <param name="Cron">The pipeline's <c>schedule.cron</c>, or null.</param>
public sealed record PipelineTriggers(string Name, IReadOnlyList<string> DataFiles, string? Cron);
