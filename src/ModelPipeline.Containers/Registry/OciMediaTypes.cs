namespace ModelPipeline.Containers.Registry;

/// <summary>The OCI and Docker v2 media types for manifests, indexes, configs and layers.</summary>
public static class OciMediaTypes
{
    public const string Manifest = "application/vnd.oci.image.manifest.v1+json";
    public const string Index = "application/vnd.oci.image.index.v1+json";
    public const string Config = "application/vnd.oci.image.config.v1+json";
    public const string Layer = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Accept header values for reading any manifest back.</summary>
    public static readonly string[] ManifestAccept = [Manifest, DockerManifest, Index, DockerManifestList];
}
