using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelPipeline.Serving.Logging;
using ModelPipeline.Serving.Metrics;
using ModelPipeline.Serving.Model;

namespace ModelPipeline.Serving.Hosting;

/// <summary>
/// Builds the model server: Kestrel on <see cref="ServerOptions.Host"/>:<see cref="ServerOptions.Port"/> answering
/// <c>POST /invocations</c> (MLflow scoring protocol), <c>GET /ping</c>, <c>/health</c>, <c>/version</c>,
/// <c>/model</c> and <c>/metrics</c>. The model is loaded and its sha256 verified before anything listens.
/// </summary>
public static class ModelServer
{
    /// <exception cref="ModelLoadException">The model directory cannot be served (the message is one line).</exception>
    public static WebApplication Create(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var served = options.Model ?? ServedModel.Load(options.ModelDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            if (options.Host is "*" or "")
            {
                kestrel.ListenAnyIP(options.Port);
            }
            else if (IPAddress.TryParse(options.Host, out var address))
            {
                kestrel.Listen(address, options.Port);
            }
            else
            {
                throw new Hosting.ServerOptionsException($"--host must be * or an IP address; got '{options.Host}'.");
            }
        });

        var app = builder.Build();
        var log = options.Log is { } writer ? new RequestLog(writer, options.RequestLogging) : RequestLog.ToStandardOutput(options.RequestLogging);
        var predictionLog = options.PredictionLogDirectory is { } directory && options.PredictionLogSampleRate > 0
            ? new PredictionLog(directory, options.PredictionLogSampleRate, options.PredictionLogMaxFileBytes, options.PredictionLogKeepFiles,
                served.Schema, served.Manifest.Pipeline, served.Manifest.Version)
            : null;
        var endpoints = new ScoringEndpoints(served, options, new ServerMetrics(served), log, predictionLog);
        app.Run(endpoints.HandleAsync);

        var manifest = served.Manifest;
        app.Lifetime.ApplicationStarted.Register(() => log.Info(
            $"serving {manifest.Pipeline} {manifest.Version} (sha256 {manifest.Sha256[..Math.Min(12, manifest.Sha256.Length)]}, {served.Model}) on {Address(app)}"
            + (predictionLog is null ? string.Empty : $"; prediction log {options.PredictionLogDirectory} at sample rate {options.PredictionLogSampleRate}")));
        app.Lifetime.ApplicationStopping.Register(() => log.Info("stopping: finishing in-flight requests"));
        app.Lifetime.ApplicationStopped.Register(() =>
        {
            predictionLog?.Dispose();
            log.Info("stopped");
            log.Dispose();
        });
        return app;
    }

    /// <summary>The first address the started server listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static string Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses?.FirstOrDefault()?.Replace("[::]", "localhost", StringComparison.Ordinal) ?? "(not started)";
    }
}
