namespace ModelPipeline.Registry;

/// <summary>A container image pushed for a model version, with the digest the OCI registry reported back.</summary>
public sealed record PublishedImage(string Version, string Reference, string Digest, IReadOnlyList<string> Tags, DateTimeOffset PushedUtc);
