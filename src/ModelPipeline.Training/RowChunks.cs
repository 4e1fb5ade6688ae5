namespace ModelPipeline.Training;

/// <summary>
/// Fixed row chunks for parallel loops. Chunk boundaries depend only on the row count and chunk size, never on
/// the thread count, so per-chunk partial sums combined in chunk order give the same bits on any machine.
/// </summary>
internal static class RowChunks
{
    public static int Count(int rows, int chunkSize) => (rows + chunkSize - 1) / chunkSize;

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) for every chunk, in parallel.</summary>
    public static void For(int rows, int chunkSize, ParallelOptions parallel, Action<int, int, int> body)
    {
        var chunks = Count(rows, chunkSize);
        if (chunks <= 1 || parallel.MaxDegreeOfParallelism == 1)
        {
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                body(chunk, chunk * chunkSize, Math.Min(rows, (chunk + 1) * chunkSize));
            }

            return;
        }

        Parallel.For(0, chunks, parallel, chunk => body(chunk, chunk * chunkSize, Math.Min(rows, (chunk + 1) * chunkSize)));
    }
}
