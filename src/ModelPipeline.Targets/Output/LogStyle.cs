namespace ModelPipeline.Targets;

/// <summary>How <see cref="BuildLog"/> decorates lines.</summary>
internal sealed record LogStyle(bool Timestamps, bool Colors, bool Verbose, bool GitHubActions);
