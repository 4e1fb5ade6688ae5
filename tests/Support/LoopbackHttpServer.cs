using System.Net;
using System.Text;

namespace ModelPipeline.Testing;

/// <summary>
/// The loop of a test's loopback HTTP fake on 127.0.0.1: each request goes to <c>handle</c>, whose answer is sent with
/// Content-Length and Connection: close. HttpListener closes a connection after an answer without a length, and a client
/// not told so sometimes sent its next request into the closing socket ('The response ended prematurely', 2 of 6
/// KubernetesDeployTests in one CI run). A handler that throws answers 500 with the exception's text.
/// <see cref="RefuseFor"/> and <see cref="DropAfter"/> script a server that is lost: connections refused, or requests
/// answered by closing the connection.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly Func<HttpListenerRequest, (int Status, string ContentType, byte[] Body)> handle;
    private readonly Task loop;
    private HttpListener listener = new();
    private int answered;
    private int dropped;
    private (int After, TimeSpan For)? refusal;
    private (int After, int Until)? drops;
    private volatile bool disposed;

    public LoopbackHttpServer(Func<HttpListenerRequest, (int Status, string ContentType, byte[] Body)> handle)
    {
        this.handle = handle;
        Port = LoopbackPort.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>Requests answered by closing the connection (<see cref="DropAfter"/>).</summary>
    public int Dropped => Volatile.Read(ref dropped);

    /// <summary>
    /// After <paramref name="requests"/> more answers the server stops listening, so connections are refused, for
    /// <paramref name="duration"/> (null: for good), then listens on the same port again.
    /// </summary>
    public void RefuseFor(int requests, TimeSpan? duration = null) =>
        refusal = (Volatile.Read(ref answered) + requests, duration ?? Timeout.InfiniteTimeSpan);

    /// <summary>
    /// After <paramref name="requests"/> more answers the next <paramref name="count"/> requests are read and then answered
    /// by closing the connection in the middle of the answer (HttpListener cannot close it before any): the client sees
    /// the response end prematurely, as when a server drops a kept-alive connection.
    /// </summary>
    public void DropAfter(int requests, int count = int.MaxValue) =>
        drops = (Volatile.Read(ref answered) + requests, count == int.MaxValue ? int.MaxValue : Volatile.Read(ref dropped) + count);

    public void Dispose()
    {
        disposed = true;
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (ObjectDisposedException)
        {
            // closed by a refusal for good
        }

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

            if (drops is { } drop && answered >= drop.After && dropped < drop.Until)
            {
                // An answer cut short: a length of 2, one byte, then the connection closed (the client sees the response end).
                await context.Request.InputStream.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref dropped);
                context.Response.ContentLength64 = 2;
                context.Response.KeepAlive = false;
                await context.Response.OutputStream.WriteAsync("{"u8.ToArray());
                await context.Response.OutputStream.FlushAsync();
                context.Response.Abort();
                continue;
            }

            await AnswerAsync(context);
            if (Interlocked.Increment(ref answered) == refusal?.After && !await RefuseAsync(refusal.Value.For))
            {
                return;
            }
        }
    }

    /// <summary>Stops listening for <paramref name="duration"/>; false when that is for good.</summary>
    private async Task<bool> RefuseAsync(TimeSpan duration)
    {
        listener.Stop();
        listener.Close();
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return false;
        }

        await Task.Delay(duration);
        if (disposed)
        {
            return false;
        }

        listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        return true;
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
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
