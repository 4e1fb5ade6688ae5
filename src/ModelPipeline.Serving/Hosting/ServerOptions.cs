using ModelPipeline.Serving.Model;

namespace ModelPipeline.Serving.Hosting;

/// <summary>How a model server runs. <see cref="ServerCommandLine.Parse"/> builds it from arguments and environment.</summary>
public sealed record ServerOptions
{
    public const long DefaultMaxBodyBytes = 64L * 1024 * 1024;

    /// <summary>Holds <c>model.bin</c> and <c>model.json</c>; default <c>&lt;app dir&gt;/model</c>.</summary>
    public string ModelDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "model");

    /// <summary>An already loaded model (tests, embedding); when set, <see cref="ModelDirectory"/> is not read.</summary>
    public ServedModel? Model { get; init; }

    /// <summary>"*" listens on every interface (IPv4 and IPv6); otherwise an IP address such as 127.0.0.1.</summary>
    public string Host { get; init; } = "*";

    /// <summary>TCP port; 0 picks a free one (see <see cref="ModelServer.Address"/>).</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Larger request bodies are answered 413 RESOURCE_LIMIT_EXCEEDED.</summary>
    public long MaxBodyBytes { get; init; } = DefaultMaxBodyBytes;

    /// <summary>Directory for the sampled prediction log; null (the default) turns it off.</summary>
    public string? PredictionLogDirectory { get; init; }

    /// <summary>Fraction of requests (0..1) whose rows and predictions are logged when a directory is set.</summary>
    public double PredictionLogSampleRate { get; init; } = 1.0;

    /// <summary>A prediction log file is closed and the next one started past this size.</summary>
    public long PredictionLogMaxFileBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>How many prediction log files are kept; older ones are deleted.</summary>
    public int PredictionLogKeepFiles { get; init; } = 10;

    /// <summary>Which requests get a log line (default: those answered 4xx/5xx); lifecycle lines are always written.</summary>
    public RequestLogging RequestLogging { get; init; } = RequestLogging.Errors;

    /// <summary>Where log lines go; null means standard output.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>How long in-flight requests may take to finish after SIGTERM.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
