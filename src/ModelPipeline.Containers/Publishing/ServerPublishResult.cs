namespace ModelPipeline.Containers.Publishing;

/// <summary>The published server: its directory, the executable (the image's entrypoint), whether the stamp let us skip the publish.</summary>
public sealed record ServerPublishResult(string Directory, string ExecutablePath, bool FromCache, string SourceHash, TimeSpan Elapsed, long SizeBytes);
