using System.Net;
using System.Text;

namespace ModelPipeline.Testing;

/// <summary>
/// The loop of a test's loopback HTTP fake on 127.0.0.1: each request goes to <c>handle</c>, whose answer is sent with
/// Content-Length and Connection: close. HttpListener closes a connection after an answer without a length, and a client
/// not told so sometimes sent its next request into the closing socket ('The response ended prematurely', 2 of 6
/// KubernetesDeployTests in one CI run). A handler that throws answers 500 with the exception's text.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerRequest, (int Status, string ContentType, byte[] Body)> handle;
    private readonly Task loop;

    public LoopbackHttpServer(Func<HttpListenerRequest, (int Status, string ContentType, byte[] Body)> handle)
    {
        this.handle = handle;
        Port = LoopbackPort.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            (int Status, string ContentType, byte[] Body) answer;
            try
            {
                answer = handle(context.Request);
            }
            catch (Exception e)
            {
                answer = (500, "text/plain", Encoding.UTF8.GetBytes($"the fake server failed: {e}"));
            }

            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            response.ContentLength64 = answer.Body.Length;
            response.KeepAlive = false;
            await response.OutputStream.WriteAsync(answer.Body);
        }
    }
}
