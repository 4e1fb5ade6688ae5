namespace ModelPipeline.Containers.Images;

/// <summary>One file or directory of an image filesystem (or build context): its relative path and where its bytes come from.</summary>
internal sealed record ImageEntry(string Path, string? HostPath, UnixFileMode Mode)
{
    public bool IsDirectory => HostPath is null;

    public const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;          // 0755
    public const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;               // 0644
    public const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101;         // 0755
    public const UnixFileMode TmpMode = (UnixFileMode)0b1_111_111_111;              // 1777
}
