namespace ModelPipeline.GitHub.Workflows;

/// <summary>What a <see cref="StageJob"/> does besides running build targets.</summary>
public enum StageKind
{
    /// <summary>Runs targets and hands artifacts/ and models/ on to the next job.</summary>
    Build,

    /// <summary>Runs targets that report (PR comment, commit status, step summary); uploads nothing.</summary>
    Report,

    /// <summary>Commits models/&lt;pipeline&gt;/ metadata back to the default branch and attaches model files to a release.</summary>
    PublishRegistry,
}
