using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

// GET /ping answers "\n"; POST /invocations reads the whole body and answers a constant prediction. One terminal
// handler, no routing, like the model server: what Kestrel alone costs on this machine and base image.
var port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "8080", CultureInfo.InvariantCulture);
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.ListenAnyIP(port);
});
var app = builder.Build();
var prediction = "{\"predictions\":[0]}"u8.ToArray();
var pong = "\n"u8.ToArray();
app.Run(async context =>
{
    if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path == "/invocations")
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                break;
            }
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = prediction.Length;
        await context.Response.Body.WriteAsync(prediction, context.RequestAborted);
        return;
    }

    context.Response.ContentType = "text/plain; charset=utf-8";
    context.Response.ContentLength = pong.Length;
    await context.Response.Body.WriteAsync(pong, context.RequestAborted);
});
app.Run();
