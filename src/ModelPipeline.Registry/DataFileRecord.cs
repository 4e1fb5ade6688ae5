namespace ModelPipeline.Registry;

/// <summary>One training data file in a version's lineage.</summary>
/// <param name="Name">The file name or repository-relative path.</param>
/// <param name="Sha256">Lower-case hex sha256 of the file's bytes.</param>
/// <param name="Bytes">The file size in bytes.</param>
public sealed record DataFileRecord(string Name, string Sha256, long Bytes);
