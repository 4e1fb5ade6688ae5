namespace ModelPipeline.GitHub;

/// <summary>A pipeline the local watch re-runs: its data files (absolute paths) and optional <c>schedule.cron</c> (UTC).</summary>
/// <exception cref="FormatException">The cron is not valid (Definitions has already refused such a pipeline file).</exception>
public sealed record WatchedPipeline(string Name, IReadOnlyList<string> DataFiles, string? Cron)
{
    private readonly CronSchedule? _schedule = Cron is null ? null : CronSchedule.Parse(Cron);

    /// <summary>When the cron next comes due strictly after <paramref name="after"/>; null without a cron or when it never matches.</summary>
    public DateTimeOffset? NextRun(DateTimeOffset after) => _schedule?.Next(after);
}
