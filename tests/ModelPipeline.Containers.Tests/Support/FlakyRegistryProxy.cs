using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ModelPipeline.Containers.Tests.Support;

/// <summary>
/// A loopback TCP proxy in front of the real registry that answers the first <c>failures</c> connections with
/// "503 Service Unavailable" and then forwards every byte both ways: a registry that fails, then recovers.
/// </summary>
internal sealed class FlakyRegistryProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly Task _loop;
    private int _failuresLeft;

    public FlakyRegistryProxy(string upstream, int failures)
    {
        var parts = upstream.Split(':');
        _upstreamHost = parts[0];
        _upstreamPort = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _failuresLeft = failures;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>host:port to push to.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int FailuresAnswered { get; private set; }

    public int ConnectionsForwarded { get; private set; }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                // Docker tries TLS first even for insecure registries: hang up on a TLS hello without counting it.
                var first = new byte[1];
                if (await stream.ReadAsync(first, _stop.Token) == 0 || first[0] == 0x16)
                {
                    return;
                }

                if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                {
                    await ReadHeadersAsync(stream);
                    FailuresAnswered++;
                    var answer = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                    return;
                }

                ConnectionsForwarded++;
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(_upstreamHost, _upstreamPort, _stop.Token);
                var upstreamStream = upstream.GetStream();
                await upstreamStream.WriteAsync(first, _stop.Token);
                var up = Pump(stream, upstreamStream);
                var down = Pump(upstreamStream, stream);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client or the registry hung up.
            }
        }
    }

    private async Task Pump(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Either side closed.
        }
    }

    private async Task ReadHeadersAsync(NetworkStream stream)
    {
        var buffer = new byte[8192];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
