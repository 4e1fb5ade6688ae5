namespace ModelPipeline.Definitions;

/// <summary>When to retrain: a validated 5-field cron expression in UTC (as GitHub Actions' schedule uses).</summary>
public sealed record ScheduleSection(string Cron);
