namespace ModelPipeline.Registry;

/// <summary>What started the run that produced a version (stored as snake_case text, e.g. <c>data_change</c>).</summary>
public enum VersionTrigger
{
    /// <summary>A developer ran the pipeline on their machine.</summary>
    Local,

    /// <summary>A scheduled (cron) run.</summary>
    Schedule,

    /// <summary>The training data changed.</summary>
    DataChange,

    /// <summary>Monitoring detected drift over the threshold.</summary>
    Drift,

    /// <summary>Someone asked for a retrain by hand (workflow_dispatch, CLI).</summary>
    Manual,

    /// <summary>A CI run (push / pull request).</summary>
    Ci,
}
