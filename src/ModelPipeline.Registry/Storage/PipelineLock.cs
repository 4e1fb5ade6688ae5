using System.Diagnostics;

namespace ModelPipeline.Registry;

/// <summary>
/// A cross-process exclusive lock on <c>models/&lt;pipeline&gt;/.lock</c>. On Linux/macOS .NET maps
/// <see cref="FileShare.None"/> to <c>flock(LOCK_EX)</c>, which the kernel releases when the holder dies,
/// so a killed writer never leaves a stuck lock. The lock file itself is never deleted.
/// </summary>
internal sealed class PipelineLock : IDisposable
{
    private readonly FileStream _stream;

    private PipelineLock(FileStream stream) => _stream = stream;

    public static PipelineLock Acquire(string path, string display, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var delay = 5;
        while (true)
        {
            if (TryAcquire(path) is { } held) return held;
            if (clock.Elapsed >= timeout)
                throw new RegistryException(
                    $"{display}: timed out after {timeout.TotalSeconds:0.#} s waiting for the pipeline lock held by another writer; retry when it finishes");
            Thread.Sleep(Random.Shared.Next(delay, delay * 2));
            delay = Math.Min(delay * 2, 100);
        }
    }

    public static PipelineLock? TryAcquire(string path)
    {
        try
        {
            return new PipelineLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
