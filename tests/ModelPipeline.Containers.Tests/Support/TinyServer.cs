using ModelPipeline.Containers.Images;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>
/// A 2 MB stand-in for the model server: static busybox running `nc -ll -e handler.sh`, which answers GET /ping and
/// echoes POST /invocations bodies as {"echo": body}. Builds in about a second, so image tests stay fast.
/// </summary>
internal sealed class TinyServer : IDisposable
{
    public TinyServer()
    {
        Root = Directory.CreateTempSubdirectory("modelpipeline-tiny-").FullName;
        ServerDirectory = Path.Combine(Root, "server");
        ModelDirectory = Path.Combine(Root, "model");
        Directory.CreateDirectory(ServerDirectory);
        Directory.CreateDirectory(ModelDirectory);
        File.Copy(ContainerServices.Busybox, Path.Combine(ServerDirectory, "busybox"));
        var handler = Path.Combine(ServerDirectory, "handler.sh");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "handler.sh"), handler);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(handler, (UnixFileMode)0b111_101_101);
        }
        File.WriteAllBytes(Path.Combine(ModelDirectory, "model.bin"), [1, 2, 3, 4]);
        File.WriteAllText(Path.Combine(ModelDirectory, "model.json"), """{"name":"tiny","version":"1.0.0"}""");
    }

    public string Root { get; }

    public string ServerDirectory { get; }

    public string ModelDirectory { get; }

    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        ["org.opencontainers.image.source"] = "https://github.com/example/modelpipeline",
        ["org.opencontainers.image.revision"] = "0123456789abcdef",
        ["org.opencontainers.image.version"] = "1.4.0",
        ["org.opencontainers.image.created"] = "2026-11-22T07:00:00Z",
        ["org.opencontainers.image.title"] = "churn \"model\"",
        ["io.modelpipeline.pipeline"] = "churn",
        ["io.modelpipeline.model-version"] = "1.4.0",
        ["io.modelpipeline.data-hash"] = "sha256:abc",
        ["io.modelpipeline.decision"] = "promote",
    };

    public ImageBuildRequest Request(string tag) => new()
    {
        Tag = tag,
        ServerDirectory = ServerDirectory,
        ModelDirectory = ModelDirectory,
        Labels = Labels,
        Entrypoint = ["/app/busybox", "sh", "-c", "exec /app/busybox nc -ll -p ${PORT:-8080} -e /app/handler.sh"],
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
