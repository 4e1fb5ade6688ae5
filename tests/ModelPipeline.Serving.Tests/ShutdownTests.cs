using System.Net;
using System.Text;
using ModelPipeline.Serving.Hosting;
using ModelPipeline.Serving.Tests.Support;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed class ShutdownTests(ChurnServer churn)
{
    [Fact]
    public async Task Stop_WhileARequestIsInFlight_TheRequestCompletes()
    {
        var server = await RunningServer.StartAsync(new ServerOptions { Model = churn.Served(), RequestLogging = RequestLogging.All });
        var names = churn.Model.Schema.Inputs.Select(i => i.Name).ToArray();
        var body = Encoding.UTF8.GetBytes(RequestBodies.Records("dataframe_records", churn.Data, [.. Enumerable.Range(0, 50)], names));
        var content = new GatedContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var posting = server.Client.PostAsync("/invocations", content);
        await content.FirstHalfSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var stopping = server.App.StopAsync();
        content.Release.SetResult();
        using var response = await posting;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"predictions\":[", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await InfoEndpointsTests.Eventually(() => server.Log.ToString().Contains(" stopped", StringComparison.Ordinal) ? ["ok"] : []);
        Assert.Contains(" POST /invocations 200 ", server.Log.ToString(), StringComparison.Ordinal);
        Assert.Contains(" stopped", server.Log.ToString(), StringComparison.Ordinal);
        await server.App.DisposeAsync();
    }

    /// <summary>Sends half the body, then waits until released before sending the rest (chunked).</summary>
    private sealed class GatedContent(byte[] body) : HttpContent
    {
        public TaskCompletionSource FirstHalfSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            FirstHalfSent.SetResult();
            await Release.Task;
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
