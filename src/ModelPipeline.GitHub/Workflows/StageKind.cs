namespace ModelPipeline.GitHub.Workflows;

/// <summary>What a <see cref="StageJob"/> does besides running build targets.</summary>
public enum StageKind
{
    /// <summary>Runs targets and hands artifacts/ and models/ on to the next job.</summary>
    Build,

    /// <summary>Runs targets that report (PR comment, commit status, step summary); uploads nothing.</summary>
    Report,

    /// <summary>Runs its targets once per pipeline (releasing the model files through the build's REST client), then commits models/&lt;pipeline&gt;/ metadata back to the default branch.</summary>
    PublishRegistry,

    /// <summary>
    /// In a GitHub environment (its protection rules, e.g. required reviewers, apply), runs its targets once for each pipeline
    /// whose champion changed in this run, with the cluster's kubeconfig written from a secret to a file only the job's user reads.
    /// </summary>
    Deploy,
}
