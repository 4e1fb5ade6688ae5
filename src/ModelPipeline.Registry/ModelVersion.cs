using System.Text.Json.Serialization;

namespace ModelPipeline.Registry;

/// <summary>An immutable registered model version, as stored in <c>models/&lt;pipeline&gt;/versions/&lt;semver&gt;/version.json</c>.</summary>
public sealed record ModelVersion
{
    /// <summary>The semantic version, e.g. <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The pipeline name.</summary>
    public required string Pipeline { get; init; }

    /// <summary>Lower-case hex sha256 of the model file (<see cref="ModelFile"/>), checked on every read.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size of the model file in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>
    /// The kind of model the file holds: <c>builtin</c> (ModelPipeline's own format), <c>mlnet</c>, <c>onnx</c>, …
    /// Versions written before kinds existed read as <c>builtin</c>.
    /// </summary>
    public string ModelKind { get; init; } = NewVersion.BuiltInKind;

    /// <summary>The model file's name in the version directory: <c>model.bin</c> (builtin), <c>model.zip</c> (mlnet), …</summary>
    public string ModelFile { get; init; } = NewVersion.BuiltInFile;

    /// <summary>When the version was registered (UTC).</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The run that produced the model.</summary>
    public string RunId { get; init; } = "";

    /// <summary>What started the run.</summary>
    public VersionTrigger Trigger { get; init; }

    /// <summary>Evaluation metrics by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Hyper-parameters and settings by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The trainer's name.</summary>
    public string Trainer { get; init; } = "";

    /// <summary>Data files, hashes, task and commit.</summary>
    public required Lineage Lineage { get; init; }

    /// <summary>The latest version when this one was registered (null for the first).</summary>
    public string? ParentVersion { get; init; }

    /// <summary>Why the version number was bumped, e.g. <c>data changed (ab12 -> cd34)</c>.</summary>
    public string BumpReason { get; init; } = "";

    /// <summary>Extra files stored beside the model: file name -> sha256.</summary>
    public IReadOnlyDictionary<string, string> Attachments { get; init; } = new Dictionary<string, string>();

    /// <summary>The parsed <see cref="Version"/>.</summary>
    [JsonIgnore]
    public SemanticVersion SemVer => SemanticVersion.Parse(Version);
}
