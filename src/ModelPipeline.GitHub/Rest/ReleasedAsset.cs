namespace ModelPipeline.GitHub;

/// <summary>An asset already attached to a release: its id (for the download call), file name and size in bytes.</summary>
public sealed record ReleasedAsset(long Id, string Name, long Size);
