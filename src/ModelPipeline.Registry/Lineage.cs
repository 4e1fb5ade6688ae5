using System.Text.Json.Serialization;

namespace ModelPipeline.Registry;

/// <summary>Where a model came from: the data files, the hashes that drive <see cref="VersionBump"/>, the task and the commit.</summary>
/// <param name="DataFiles">Each training data file with its sha256 and size.</param>
/// <param name="DataHash">Combined hash of the training data (a change bumps minor).</param>
/// <param name="ConfigHash">Hash of the pipeline configuration / hyper-parameters (a change bumps patch).</param>
/// <param name="SchemaHash">Hash of the input schema (a change bumps major).</param>
/// <param name="Task">The learning task as text, e.g. <c>binary</c>, <c>multiclass</c>, <c>regression</c> (a change bumps major).</param>
/// <param name="GitCommit">The source commit the run was built from, when known.</param>
/// <param name="Framework">
/// What made the model besides ModelPipeline (e.g. <c>mlnet_version</c>, <c>reproducible</c>); null or empty for
/// built-in models. Informational: it does not change the version number.
/// </param>
public sealed record Lineage(
    IReadOnlyList<DataFileRecord> DataFiles,
    string DataHash,
    string ConfigHash,
    string SchemaHash,
    string Task,
    string? GitCommit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Framework = null)
{
    /// <summary>
    /// <c>trainer.type: auto</c>'s leaderboard: every candidate it scored and which one it chose. Null for other
    /// trainers. Informational: it does not change the version number.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SearchLeaderboard? Search { get; init; }

    /// <summary>
    /// The runs that made and judged this version in an experiment tracker the pipeline logs to, by name (e.g.
    /// <c>mlflow.retrain</c> -> run id, <c>mlflow.server</c>); null when none. Opaque to the registry; it does not change the
    /// version number.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? TrackingRuns { get; init; }
}
