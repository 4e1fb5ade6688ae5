namespace ModelPipeline.GitHub;

/// <summary>A file to attach to a release: name as shown on GitHub, media type, bytes.</summary>
public sealed record ReleaseAsset(string Name, string ContentType, byte[] Content);
