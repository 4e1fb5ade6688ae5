namespace ModelPipeline.Build;

/// <summary>
/// Calls the handler on the reporting thread, at once and in order (<see cref="Progress{T}"/> posts to the thread
/// pool, so a progress bar would see steps late and out of order).
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
