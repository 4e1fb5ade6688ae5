namespace ModelPipeline.Targets;

/// <summary>
/// How <see cref="BuildLog"/> decorates lines. <paramref name="Interactive"/>: an interactive terminal on a local
/// build, where progress bars redraw in place.
/// </summary>
internal sealed record LogStyle(bool Timestamps, bool Colors, bool Verbose, bool GitHubActions, bool Interactive = false);
