namespace ModelPipeline.Containers.Registry;

/// <summary>A manifest as a registry served it: raw bytes, media type and digest.</summary>
public sealed record RegistryManifest(byte[] Bytes, string MediaType, string Digest);
