namespace ModelPipeline.GitHub;

/// <summary>A pipeline the local watch re-runs: its data files (absolute paths) and optional cron (UTC).</summary>
public sealed record WatchedPipeline(string Name, IReadOnlyList<string> DataFiles, CronSchedule? Schedule);
