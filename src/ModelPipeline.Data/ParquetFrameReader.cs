using System.Collections.Concurrent;
using ModelPipeline.Data.Columnar;
using ModelPipeline.Data.Csv;
using Parquet;

namespace ModelPipeline.Data;

/// <summary>
/// Reads a Parquet file into the same <see cref="Frame"/> the CSV reader makes of the same table: numbers (integers,
/// floating point, decimals) numeric, booleans boolean, strings read as CSV cells are (trimmed; empty and the missing
/// tokens missing; numeric when every value is a number, boolean for two true/false levels, else categorical with
/// levels in first-seen order), timestamps, dates and times as ISO 8601 text levels; nulls and NaN are missing.
/// <see cref="CsvReadOptions"/> applies as to CSV (kinds, ignore, missing tokens; the delimiter is not used).
/// A file that is not Parquet, is truncated or is corrupt raises one <see cref="DataFormatException"/> naming it.
/// </summary>
/// <remarks>
/// Each (row group, column) is decoded on the thread pool, a few at a time, and joined in file order, so the result is
/// identical for any number of threads.
/// </remarks>
public static class ParquetFrameReader
{
    /// <summary>
    /// Parquet.Net keeps freed page buffers for reuse without limit by default; a read needs a few pages at a time, so
    /// keep at most this many bytes of them (the frame's own columns are what should set the peak memory).
    /// </summary>
    private static readonly ParquetOptions Options = new() { MaximumSmallPoolFreeBytes = 16 << 20, MaximumLargePoolFreeBytes = 64 << 20 };

    public static Frame Read(string path, CsvReadOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        return Read(path, path, options ?? new CsvReadOptions(), Environment.ProcessorCount);
    }

    /// <summary>The reader with its name for messages and its thread count exposed (tests check that threads do not change the result).</summary>
    internal static Frame Read(string path, string displayName, CsvReadOptions options, int threads)
    {
        if (ThriftFooterCheck.Problem(path) is { } problem)
        {
            throw new DataFormatException(displayName, null, $"not a readable Parquet file (truncated, corrupt, or another format): {problem}");
        }

        var readers = new ConcurrentBag<ParquetReader>();
        try
        {
            return ReadAsync(path, displayName, options, Math.Max(1, threads), readers).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is not (DataFormatException or OutOfMemoryException or OperationCanceledException))
        {
            throw new DataFormatException(displayName, null, $"not a readable Parquet file (truncated, corrupt, or another format): {error.Message.TrimEnd('.')}");
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private static async Task<Frame> ReadAsync(string path, string displayName, CsvReadOptions options, int threads, ConcurrentBag<ParquetReader> readers)
    {
        var first = await ParquetReader.CreateAsync(path, Options);
        readers.Add(first);
        var columns = ParquetLayout.Of(first.Schema, displayName, options);
        var groupRows = Enumerable.Range(0, first.RowGroupCount).Select(g => first.OpenRowGroupReader(g).RowCount).ToArray();
        var total = groupRows.Sum();
        if (total > Array.MaxLength)
        {
            throw new DataFormatException(displayName, null, $"{total:N0} rows; at most {Array.MaxLength:N0} are read");
        }

        var firstRows = new long[groupRows.Length];
        for (var g = 1; g < groupRows.Length; g++)
        {
            firstRows[g] = firstRows[g - 1] + groupRows[g - 1];
        }

        var missing = new HashSet<string>(options.MissingTokens.Where(t => t.Length > 0), StringComparer.Ordinal);
        var decoder = new ParquetChunkDecoder(displayName, missing, new ChunkArrays());
        var sinks = columns.Select(c => new ColumnSink(c.Name, c.SinkKind, (int)total, c.AsText)).ToArray();
        var work = (from g in Enumerable.Range(0, groupRows.Length) from c in Enumerable.Range(0, columns.Length) select (Group: g, Column: c)).ToArray();
        var pending = new Task<ChunkColumn>[work.Length];
        var started = 0;
        void StartUpTo(int count)
        {
            for (; started < Math.Min(count, work.Length); started++)
            {
                var (g, c) = work[started];
                pending[started] = Task.Run(() => DecodeAsync(path, readers, decoder, g, columns[c], firstRows[g]));
            }
        }

        try
        {
            for (var i = 0; i < work.Length; i++)
            {
                StartUpTo(i + (threads * 2));
                var chunk = await pending[i];
                sinks[work[i].Column].TryAppend(chunk, (int)groupRows[work[i].Group]);
                chunk.Release();
            }
        }
        finally
        {
            // On an error, let the decodes in flight finish before their readers are disposed.
            await Task.WhenAll(pending.Take(started)).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return new Frame(columns.Select((c, i) => TextColumnKind.Settle(sinks[i].Build(out _), c, displayName)).ToArray());
    }

    private static async Task<ChunkColumn> DecodeAsync(string path, ConcurrentBag<ParquetReader> readers, ParquetChunkDecoder decoder, int group, ParquetColumn column, long firstRow)
    {
        var reader = readers.TryTake(out var idle) ? idle : await ParquetReader.CreateAsync(path, Options);
        try
        {
            var field = reader.Schema.DataFields[column.FieldIndex];
            return await decoder.DecodeAsync(reader.OpenRowGroupReader(group), field, column, firstRow);
        }
        finally
        {
            readers.Add(reader);
        }
    }
}
