using System.Globalization;

namespace ModelPipeline.Serving.Hosting;

/// <summary>
/// Reads <see cref="ServerOptions"/> from the command line, falling back to environment variables, then defaults:
/// <c>--model-dir</c>/MODEL_DIR, <c>--port</c>/PORT/ASPNETCORE_HTTP_PORTS (8080), <c>--host</c>/HOST (*),
/// <c>--max-body-bytes</c>/MAX_BODY_BYTES (64MiB; suffixes KiB/MiB/GiB or K/M/G),
/// <c>--prediction-log-dir</c>/PREDICTION_LOG_DIR, <c>--prediction-log-sample-rate</c>/PREDICTION_LOG_SAMPLE_RATE (1),
/// <c>--prediction-log-max-bytes</c>/PREDICTION_LOG_MAX_BYTES (10MiB), <c>--prediction-log-keep</c>/PREDICTION_LOG_KEEP (10),
/// <c>--request-log</c>/REQUEST_LOG (errors|all|off; true and false mean all and off).
/// </summary>
public static class ServerCommandLine
{
    public const string Usage =
        "usage: ModelPipeline.Serving [--model-dir DIR] [--port N] [--host ADDR] [--max-body-bytes N[KiB|MiB|GiB]] " +
        "[--prediction-log-dir DIR] [--prediction-log-sample-rate 0..1] [--prediction-log-max-bytes N] [--prediction-log-keep N] [--request-log errors|all|off]";

    private static readonly Dictionary<string, string> EnvironmentNames = new(StringComparer.Ordinal)
    {
        ["model-dir"] = "MODEL_DIR",
        ["port"] = "PORT",
        ["host"] = "HOST",
        ["max-body-bytes"] = "MAX_BODY_BYTES",
        ["prediction-log-dir"] = "PREDICTION_LOG_DIR",
        ["prediction-log-sample-rate"] = "PREDICTION_LOG_SAMPLE_RATE",
        ["prediction-log-max-bytes"] = "PREDICTION_LOG_MAX_BYTES",
        ["prediction-log-keep"] = "PREDICTION_LOG_KEEP",
        ["request-log"] = "REQUEST_LOG",
    };

    /// <exception cref="ServerOptionsException">An unknown option, a missing value or a value that does not parse.</exception>
    public static ServerOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ServerOptionsException($"Unexpected argument '{arg}'. {Usage}");
            }

            var name = arg[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new ServerOptionsException($"Option --{name} needs a value. {Usage}");
            }

            if (!EnvironmentNames.ContainsKey(name))
            {
                throw new ServerOptionsException($"Unknown option --{name}. {Usage}");
            }

            given[name] = value;
        }

        string? Value(string name) =>
            given.TryGetValue(name, out var v) ? v : Blank(environment(EnvironmentNames[name]));

        var options = new ServerOptions();
        var port = Value("port") ?? FirstPort(environment("ASPNETCORE_HTTP_PORTS"));
        return options with
        {
            ModelDirectory = Value("model-dir") ?? options.ModelDirectory,
            Host = Value("host") ?? options.Host,
            Port = port is null ? options.Port : Integer("port", port, 0, 65535),
            MaxBodyBytes = Value("max-body-bytes") is { } max ? Size("max-body-bytes", max) : options.MaxBodyBytes,
            PredictionLogDirectory = Value("prediction-log-dir"),
            PredictionLogSampleRate = Value("prediction-log-sample-rate") is { } rate ? Fraction("prediction-log-sample-rate", rate) : options.PredictionLogSampleRate,
            PredictionLogMaxFileBytes = Value("prediction-log-max-bytes") is { } bytes ? Size("prediction-log-max-bytes", bytes) : options.PredictionLogMaxFileBytes,
            PredictionLogKeepFiles = Value("prediction-log-keep") is { } keep ? Integer("prediction-log-keep", keep, 1, 100_000) : options.PredictionLogKeepFiles,
            RequestLogging = Value("request-log") is { } log ? Logging("request-log", log) : options.RequestLogging,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? FirstPort(string? ports) => Blank(ports?.Split(';', ',')[0]);

    private static int Integer(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ServerOptionsException($"--{name} must be a whole number from {min} to {max}; got '{text}'.");

    private static double Fraction(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new ServerOptionsException($"--{name} must be a number from 0 to 1; got '{text}'.");

    private static RequestLogging Logging(string name, string text) => text.ToLowerInvariant() switch
    {
        "errors" => RequestLogging.Errors,
        "all" or "true" or "1" or "yes" or "on" => RequestLogging.All,
        "off" or "false" or "0" or "no" or "none" => RequestLogging.Off,
        _ => throw new ServerOptionsException($"--{name} must be errors, all or off; got '{text}'."),
    };

    private static long Size(string name, string text)
    {
        var span = text.AsSpan().Trim();
        var digits = 0;
        while (digits < span.Length && char.IsAsciiDigit(span[digits]))
        {
            digits++;
        }

        long multiplier = span[digits..].ToString().ToLowerInvariant() switch
        {
            "" or "b" => 1,
            "k" or "kb" or "kib" => 1024,
            "m" or "mb" or "mib" => 1024 * 1024,
            "g" or "gb" or "gib" => 1024 * 1024 * 1024,
            _ => 0,
        };
        if (multiplier == 0 || !long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            throw new ServerOptionsException($"--{name} must be a positive size in bytes (e.g. 67108864, 64MiB); got '{text}'.");
        }

        return number * multiplier;
    }
}
