namespace ModelPipeline.Registry;

/// <summary>
/// What a caller hands to <see cref="ModelRegistry.Register"/>: the opaque model bytes, the lineage that decides the version
/// number, and metadata. The registry assigns the version, the sha256, the size and the creation time.
/// </summary>
/// <param name="Model">The serialized model (opaque to the registry).</param>
/// <param name="Lineage">Data, config and schema hashes, task and commit.</param>
public sealed record NewVersion(byte[] Model, Lineage Lineage)
{
    /// <summary>The kind of ModelPipeline's own model files.</summary>
    public const string BuiltInKind = "builtin";

    /// <summary>The file name of ModelPipeline's own model files.</summary>
    public const string BuiltInFile = "model.bin";

    /// <summary>The model's kind, recorded in version.json (opaque to the registry): <c>builtin</c>, <c>mlnet</c>, <c>onnx</c>, …</summary>
    public string ModelKind { get; init; } = BuiltInKind;

    /// <summary>The name the model bytes are stored under in the version directory, e.g. <c>model.zip</c>.</summary>
    public string ModelFile { get; init; } = BuiltInFile;

    /// <summary>The run that produced the model (e.g. a GitHub run id or a local guid).</summary>
    public string RunId { get; init; } = "";

    /// <summary>What started the run.</summary>
    public VersionTrigger Trigger { get; init; } = VersionTrigger.Local;

    /// <summary>Evaluation metrics by name (finite numbers only).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Hyper-parameters and other settings by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The trainer's name, e.g. <c>gradient_boosting</c>.</summary>
    public string Trainer { get; init; } = "";

    /// <summary>Extra files written in the same atomic step (e.g. <c>evaluation.json</c>, <c>report.html</c>, <c>profile.json</c>).</summary>
    public IReadOnlyDictionary<string, byte[]> Attachments { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>Register even when the lineage is unchanged since the latest version (bumps patch). Default: refuse.</summary>
    public bool AllowUnchanged { get; init; }
}
