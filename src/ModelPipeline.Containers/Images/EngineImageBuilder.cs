using System.Diagnostics;
using ModelPipeline.Containers.Engine;

namespace ModelPipeline.Containers.Images;

/// <summary>
/// Builds the image through the Docker engine: renders the Dockerfile, assembles the build context tar in C#
/// (Dockerfile, rootfs/ = offline base, app/ = server, model/ = model directory) and streams it to POST /build.
/// </summary>
public sealed class EngineImageBuilder(DockerEngineClient engine) : IImageBuilder
{
    public string Name => "engine";

    public async Task<BuiltImage> BuildAsync(ImageBuildRequest request, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var dockerfile = DockerfileTemplate.Render(request);
        var entries = BuildContextEntries(request);
        var contextFile = Path.Combine(Path.GetTempPath(), $"modelpipeline-context-{Guid.NewGuid():N}.tar");
        try
        {
            await using (var output = new FileStream(contextFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await WriteContextAsync(output, dockerfile, entries, cancellationToken);
            }

            string imageId;
            await using (var input = new FileStream(contextFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
            {
                imageId = await engine.BuildAsync(input, request.Tag, request.Labels, request.Log, cancellationToken);
            }

            var inspect = await engine.InspectImageAsync(imageId, cancellationToken)
                ?? throw new ImageBuildException($"the engine built {request.Tag} ({imageId}) but cannot inspect it");
            var size = inspect.Size;
            return new BuiltImage(request.Tag, imageId, Name, size, clock.Elapsed, request.Labels);
        }
        finally
        {
            File.Delete(contextFile);
        }
    }

    /// <summary>The build context the engine receives, without the Dockerfile (for tests and dry runs).</summary>
    internal static List<ImageEntry> BuildContextEntries(ImageBuildRequest request)
    {
        var entries = new List<ImageEntry>();
        if (request.UsesOfflineBase)
        {
            entries.AddRange(ImageContent.FromRootFs(OfflineBaseLayer.Collect(NativeOnHost(request)), "rootfs"));
        }

        entries.AddRange(ImageContent.FromDirectory(request.ServerDirectory, "app"));
        if (request.ModelDirectory is { } model)
        {
            entries.AddRange(ImageContent.FromDirectory(model, "model"));
        }

        return ImageContent.Complete(entries);
    }

    /// <summary>
    /// What the offline base's ldd closure is taken over: the entrypoint and the native libraries published beside it
    /// (e.g. ML.NET's lib_lightgbm.so, which needs libgomp); the runtime loads those with dlopen, so ldd of the
    /// entrypoint alone cannot name their dependencies.
    /// </summary>
    internal static IReadOnlyList<string> NativeOnHost(ImageBuildRequest request) =>
        [EntrypointOnHost(request), .. Directory.EnumerateFiles(request.ServerDirectory, "*.so").Order(StringComparer.Ordinal)];

    /// <summary>The entrypoint's file in <see cref="ImageBuildRequest.ServerDirectory"/> (it must live under /app).</summary>
    internal static string EntrypointOnHost(ImageBuildRequest request)
    {
        var entrypoint = request.Entrypoint.Count > 0 ? request.Entrypoint[0] : throw new ImageBuildException("the image has no entrypoint");
        if (!entrypoint.StartsWith("/app/", StringComparison.Ordinal))
        {
            throw new ImageBuildException($"entrypoint {entrypoint} must be a file under /app (the published server directory) for the offline base");
        }

        var path = Path.Combine(request.ServerDirectory, entrypoint["/app/".Length..]);
        return File.Exists(path) ? path : throw new ImageBuildException($"entrypoint {entrypoint} is not in the server directory {request.ServerDirectory}");
    }

    private static async Task WriteContextAsync(Stream output, string dockerfile, List<ImageEntry> entries, CancellationToken cancellationToken)
    {
        var dockerfilePath = Path.Combine(Path.GetTempPath(), $"modelpipeline-dockerfile-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(dockerfilePath, dockerfile, cancellationToken);
            await TarLayer.WriteAsync(output, [new ImageEntry("Dockerfile", dockerfilePath, ImageEntry.FileMode), .. entries], cancellationToken);
        }
        finally
        {
            File.Delete(dockerfilePath);
        }
    }
}
