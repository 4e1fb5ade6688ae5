namespace ModelPipeline.Definitions;

/// <summary>Where the image goes: registry host[:port], repository path and tags.</summary>
public sealed record PushSection(string Registry, string Repository, IReadOnlyList<ImageTag> Tags);
