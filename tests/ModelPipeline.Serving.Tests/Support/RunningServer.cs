using Microsoft.AspNetCore.Builder;
using ModelPipeline.Serving.Hosting;

namespace ModelPipeline.Serving.Tests.Support;

/// <summary>A model server started on a free loopback port, with an HttpClient pointed at it.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private RunningServer(WebApplication app, StringWriter log)
    {
        App = app;
        Log = log;
        Client = new HttpClient { BaseAddress = new Uri(ModelServer.Address(app)) };
    }

    public WebApplication App { get; }

    public StringWriter Log { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(ServerOptions options)
    {
        var log = new StringWriter();
        var app = ModelServer.Create(options with { Host = "127.0.0.1", Port = 0, Log = TextWriter.Synchronized(log) });
        await app.StartAsync();
        return new RunningServer(app, log);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
