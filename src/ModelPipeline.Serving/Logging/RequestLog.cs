using System.Threading.Channels;

namespace ModelPipeline.Serving.Logging;

/// <summary>
/// The server's own log: one line per request (<c>time method path status duration rows</c>) and a few lifecycle
/// lines, written by a background task so requests never wait on the console. When the queue is full lines are
/// dropped (and counted) rather than slowing scoring down.
/// </summary>
internal sealed class RequestLog : IDisposable
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1 << 16) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly TextWriter _output;
    private readonly bool _perRequest;
    private readonly Task _pump;
    private long _dropped;

    public RequestLog(TextWriter output, bool perRequest)
    {
        _output = output;
        _perRequest = perRequest;
        _pump = Task.Run(PumpAsync);
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Info(string message) => Enqueue($"{Now()} {message}");

    public void Request(string method, string path, int status, double milliseconds, int rows)
    {
        if (_perRequest)
        {
            Enqueue($"{Now()} {method} {path} {status} {milliseconds:0.###}ms rows={rows}");
        }
    }

    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(5));
    }

    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    private void Enqueue(string line)
    {
        if (!_lines.Writer.TryWrite(line))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private async Task PumpAsync()
    {
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var line))
            {
                _output.Write(line);
                _output.Write('\n');
            }

            _output.Flush();
        }
    }
}
