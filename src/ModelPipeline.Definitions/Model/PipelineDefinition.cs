namespace ModelPipeline.Definitions;

/// <summary>
/// A validated <c>pipelines/&lt;name&gt;.yaml</c>: every section with its defaults filled in.
/// Load it with <see cref="PipelineLoader"/>.
/// </summary>
/// <param name="SourceFile">The YAML file as named in messages (relative to the repository root when inside it).</param>
/// <param name="ConfigHash">sha256 (lower-case hex) of the canonical form of the validated definition:
/// whitespace, comments, key order and spelled-out defaults do not change it; any value change does.</param>
public sealed record PipelineDefinition(
    string Name,
    string Description,
    PipelineTask Task,
    DataSection Data,
    SplitSection Split,
    FeatureSection Features,
    TrainerSection Trainer,
    SearchSection? Search,
    GateSection Gate,
    ContainerSection Container,
    PushSection Push,
    MonitorSection Monitor,
    ScheduleSection? Schedule,
    string SourceFile,
    string ConfigHash);
