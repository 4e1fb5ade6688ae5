namespace ModelPipeline.Definitions;

/// <summary>
/// How the model server's container image is built. Its name is not here: the image is
/// <c>push.registry/push.repository:version</c> (see <see cref="PushSection"/>), locally and in the registry alike.
/// </summary>
/// <param name="Base">Base image; empty = the offline base image the project builds itself.</param>
/// <param name="Port">The port the server listens on inside the container.</param>
/// <param name="Dockerfile">Path (relative to the repository root) of a Scriban Dockerfile template; empty = built-in.</param>
public sealed record ContainerSection(string Base, int Port, string Dockerfile);
