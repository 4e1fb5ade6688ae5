namespace ModelPipeline.Containers.Images;

/// <summary>A file of the offline base: where it is on this machine and the absolute path it gets in the image.</summary>
public sealed record RootFsFile(string HostPath, string ImagePath);
