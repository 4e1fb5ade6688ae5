namespace ModelPipeline.Registry;

/// <summary>Which part of the semantic version a new registration increments.</summary>
public enum VersionBumpKind
{
    /// <summary>Nothing changed since the latest version: the caller should skip registration.</summary>
    None,

    /// <summary>The pipeline's first version: 1.0.0.</summary>
    Initial,

    /// <summary>Only the configuration (hyper-parameters, trainer options) changed.</summary>
    Patch,

    /// <summary>The training data changed (retrain on new data).</summary>
    Minor,

    /// <summary>The input schema or the task changed: consumers must adapt.</summary>
    Major,
}
