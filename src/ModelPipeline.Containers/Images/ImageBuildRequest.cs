namespace ModelPipeline.Containers.Images;

/// <summary>
/// What goes into a model image: the published server (copied to /app), the model directory (copied to /app/model),
/// labels, and the base. <see cref="BaseImage"/> null means the offline base: FROM scratch plus the glibc/libstdc++
/// files <c>ldd</c> names for the entrypoint, taken from this machine.
/// </summary>
public sealed record ImageBuildRequest
{
    public const string DefaultUser = "10001:10001";

    /// <summary>Local image name:tag to build, e.g. <c>modelpipeline/churn:1.4.0</c>.</summary>
    public required string Tag { get; init; }

    /// <summary>Directory with the published (self-contained) server; copied to /app.</summary>
    public required string ServerDirectory { get; init; }

    /// <summary>Directory with model.bin/model.json; copied to /app/model. Null: no model layer.</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Image labels (org.opencontainers.image.*, io.modelpipeline.*).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Null (default) = offline FROM-scratch base; else e.g. <c>mcr.microsoft.com/dotnet/runtime-deps:10.0</c>.</summary>
    public string? BaseImage { get; init; }

    /// <summary>A user's Scriban Dockerfile template (engine builds); null = the embedded docker/Dockerfile.scriban.</summary>
    public string? DockerfileTemplatePath { get; init; }

    /// <summary>The port the server listens on inside the container (EXPOSE, ASPNETCORE_HTTP_PORTS).</summary>
    public int Port { get; init; } = 8080;

    public string User { get; init; } = DefaultUser;

    /// <summary>ENTRYPOINT; its first element must be a file under /app (the offline base runs ldd on it).</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = ["/app/ModelPipeline.Serving"];

    /// <summary>Extra environment variables, after the defaults (DOTNET_EnableDiagnostics=0, ports, MODEL_DIR).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives build output lines (engine build steps, layer sizes).</summary>
    public Action<string>? Log { get; init; }

    public bool UsesOfflineBase => BaseImage is null || BaseImage == OfflineBase;

    /// <summary>Name that can be passed as <see cref="BaseImage"/> to ask for the offline base explicitly.</summary>
    public const string OfflineBase = "offline";

    /// <summary>All environment variables the image gets, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EffectiveEnvironment()
    {
        var env = new List<KeyValuePair<string, string>>
        {
            new("DOTNET_EnableDiagnostics", "0"),
            new("ASPNETCORE_HTTP_PORTS", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("PORT", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("MODEL_DIR", "/app/model"),
        };
        foreach (var (key, value) in Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env.RemoveAll(e => e.Key == key);
            env.Add(new(key, value));
        }

        return env;
    }
}
