using System.Threading.Channels;
using ModelPipeline.Serving.Hosting;

namespace ModelPipeline.Serving.Logging;

/// <summary>
/// The server's own log: a line per request (<c>time method path status duration rows</c>: every request, only
/// rejected ones, or none, see <see cref="RequestLogging"/>) and a few lifecycle lines, written by a background task so requests never wait on the console. When the queue is full lines are
/// dropped (and counted) rather than slowing scoring down. <see cref="ToStandardOutput"/> writes stdout through its own
/// buffer, flushed once per batch of queued lines: Console.Out flushes on every write, two write(2) calls per request,
/// which cost more CPU than scoring the request (and, in a container, the engine's log driver reads each one).
/// </summary>
internal sealed class RequestLog : IDisposable
{
    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1 << 16) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly TextWriter _output;
    private readonly bool _ownsOutput;
    private readonly RequestLogging _requests;
    private readonly Task _pump;
    private long _dropped;

    public RequestLog(TextWriter output, RequestLogging requests)
        : this(output, requests, ownsOutput: false)
    {
    }

    private RequestLog(TextWriter output, RequestLogging requests, bool ownsOutput)
    {
        _output = output;
        _ownsOutput = ownsOutput;
        _requests = requests;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>A log on the process's standard output, buffered (UTF-8, 64 KiB) and flushed after each batch of lines.</summary>
    public static RequestLog ToStandardOutput(RequestLogging requests) =>
        new(new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false },
            requests, ownsOutput: true);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Info(string message) => Enqueue($"{Now()} {message}");

    public void Request(string method, string path, int status, double milliseconds, int rows)
    {
        if (_requests == RequestLogging.All || (_requests == RequestLogging.Errors && status >= 400))
        {
            Enqueue($"{Now()} {method} {path} {status} {milliseconds:0.###}ms rows={rows}");
        }
    }

    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _pump.Wait(TimeSpan.FromSeconds(5));
        if (_ownsOutput)
        {
            _output.Dispose();
        }
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
