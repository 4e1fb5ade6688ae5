namespace ModelPipeline.Data;

/// <summary>One data file's name, sha256 and size in bytes.</summary>
public sealed record DataFileHash(string Name, string Sha256, long Bytes);
