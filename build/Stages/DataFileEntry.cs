namespace ModelPipeline.Build;

/// <summary>A data file of the run with its content hash.</summary>
internal sealed record DataFileEntry(string Name, string Sha256, long Bytes);
