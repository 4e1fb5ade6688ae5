namespace ModelPipeline.Definitions;

/// <summary>The model server's container image.</summary>
/// <param name="Image">Image repository name (default: the pipeline's name).</param>
/// <param name="Base">Base image; empty = the offline base image the project builds itself.</param>
/// <param name="Dockerfile">Path (relative to the repository root) of a Scriban Dockerfile template; empty = built-in.</param>
public sealed record ContainerSection(string Image, string Base, int Port, string Dockerfile);
