namespace ModelPipeline.Containers.Images;

/// <summary>Builds a model image: <see cref="EngineImageBuilder"/> through a Docker engine, <see cref="OciImageWriter"/> without one.</summary>
public interface IImageBuilder
{
    /// <summary>"engine" or "oci".</summary>
    string Name { get; }

    Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default);
}
