namespace ModelPipeline.Containers.Registry;

/// <summary>What a push left in the registry: the manifest digest (read back and verified), the tags and their full references.</summary>
public sealed record PushResult(string Digest, IReadOnlyList<string> Tags, IReadOnlyList<ImageReference> References, TimeSpan Elapsed)
{
    /// <summary>registry/repository@digest: the immutable reference to deploy.</summary>
    public ImageReference Pinned => References[0] with { Tag = null, Digest = Digest };
}
