namespace ModelPipeline.GitHub;

/// <summary>A cron expression that is not valid; the message names the field and what is expected.</summary>
public sealed class CronFormatException(string message) : Exception(message);
