namespace ModelPipeline.Targets;

/// <summary>How a scheduled target ended.</summary>
public enum TargetOutcome
{
    /// <summary>Scheduled but not run because a target it depends on failed, or the build stopped.</summary>
    NotRun,

    /// <summary>All its actions completed.</summary>
    Succeeded,

    /// <summary>Skipped by <c>--skip</c>, a condition, or <see cref="TargetSkippedException"/>.</summary>
    Skipped,

    /// <summary>An action threw.</summary>
    Failed,

    /// <summary>Has no actions of its own; groups its dependencies.</summary>
    Collective,
}
