namespace ModelPipeline.Containers.Images;

/// <summary>
/// An image a builder produced. <see cref="ImageId"/> is the config digest (sha256:…). Engine builds live in the
/// engine under <see cref="Reference"/>; OCI-written images live in <see cref="LayoutDirectory"/> (an OCI image layout).
/// </summary>
public sealed record BuiltImage(
    string Reference,
    string ImageId,
    string Builder,
    long SizeBytes,
    TimeSpan BuildTime,
    IReadOnlyDictionary<string, string> Labels,
    string? LayoutDirectory = null)
{
    public bool InEngine => LayoutDirectory is null;
}
