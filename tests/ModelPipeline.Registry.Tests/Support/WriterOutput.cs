using System.Collections.Concurrent;
using System.Diagnostics;

namespace ModelPipeline.Registry.Tests;

/// <summary>Collects a writer process's stdout/stderr lines and lets a test wait for a given line count.</summary>
internal sealed class WriterOutput
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private int _registered;

    public WriterOutput(Process process)
    {
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            _lines.Enqueue(e.Data);
            if (e.Data.StartsWith("registered ", StringComparison.Ordinal)) Interlocked.Increment(ref _registered);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) _errors.Enqueue(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Registered => Volatile.Read(ref _registered);

    public bool Ready => _lines.Contains("ready");

    public string Errors => string.Join("\n", _errors);

    /// <summary>Waits until <paramref name="condition"/> holds or the process exits; false on timeout.</summary>
    public bool WaitFor(Func<WriterOutput, bool> condition, Process process, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (process.HasExited || clock.Elapsed > timeout) return condition(this);
            Thread.Sleep(10);
        }
        return true;
    }
}
