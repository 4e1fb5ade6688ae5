using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using ModelPipeline.Data.Csv;

namespace ModelPipeline.Data;

/// <summary>
/// Reads a UTF-8 CSV file (optionally gzip-compressed, by its .gz ending) with a header row into a
/// <see cref="Frame"/>. Quoted fields (with "" escapes and line breaks), empty cells and missing tokens
/// as missing, and kind inference per column: a column is numeric unless a cell is not a number, then
/// categorical with levels in first-seen order (two boolean levels such as Yes/No make it boolean).
/// A row that cannot be read raises a <see cref="DataFormatException"/> naming its line.
/// </summary>
/// <remarks>
/// The file is cut into chunks at line breaks outside quotes; decompression runs on its own thread and
/// chunks are parsed in parallel, then joined in file order, so the result is identical for any
/// number of threads.
/// </remarks>
public static class CsvFrameReader
{
    /// <summary>Bytes per parallel chunk.</summary>
    internal const int DefaultChunkBytes = 1 << 20;

    public static Frame Read(string path, CsvReadOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        return Read(() => OpenFile(path), path, options ?? new CsvReadOptions(), Environment.ProcessorCount, DefaultChunkBytes);
    }

    /// <summary>Reads CSV text from a stream (e.g. a text/csv request body); the stream is left open.</summary>
    public static Frame Read(Stream stream, string displayName, CsvReadOptions? options = null)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream = copy;
            stream.Position = 0;
        }

        var start = stream.Position;
        return Read(
            () =>
            {
                stream.Position = start;
                return new NonClosingStream(stream);
            },
            displayName,
            options ?? new CsvReadOptions(),
            Environment.ProcessorCount,
            DefaultChunkBytes);
    }

    public static Stream OpenFile(string path)
    {
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The reader with its thread count and chunk size exposed (tests check that they do not change the result).</summary>
    internal static Frame Read(Func<Stream> open, string displayName, CsvReadOptions options, int threads, int chunkBytes)
    {
        var forcedText = (IReadOnlySet<string>)new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            using var stream = open();
            var source = new CsvChunkSource(stream, chunkBytes);
            var layout = ReadLayout(source, displayName, options, forcedText);
            var chunks = threads <= 1 ? ParseSequential(source, layout) : ParseParallel(source, layout, threads);
            var mixed = FrameAssembler.MixedColumns(layout, chunks);
            if (mixed.Count == 0)
            {
                return FrameAssembler.Assemble(layout, chunks);
            }

            forcedText = forcedText.Union(mixed).ToHashSet(StringComparer.Ordinal); // rare: numbers first, text later
        }
    }

    private static CsvLayout ReadLayout(CsvChunkSource source, string displayName, CsvReadOptions options, IReadOnlySet<string> forcedText)
    {
        var header = source.ReadHeader() ?? throw new DataFormatException(displayName, 1, null, "the file is empty; expected a header row");
        var record = new QuotedRecord(checked((byte)options.Delimiter));
        if (!record.Read(header, 0, out _, out _))
        {
            throw new DataFormatException(displayName, 1, null, "a quoted field in the header is not closed");
        }

        var names = Enumerable.Range(0, record.FieldCount).Select(i => Encoding.UTF8.GetString(record.Field(i)).Trim()).ToArray();
        CheckHeader(names, displayName);
        foreach (var name in options.Kinds.Keys.Concat(options.Ignore))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new DataFormatException(displayName, 1, name, $"no such column in the header; columns are {string.Join(", ", names)}");
            }
        }

        return new CsvLayout(displayName, names, options, forcedText);
    }

    private static List<ChunkResult> ParseSequential(CsvChunkSource source, CsvLayout layout)
    {
        var results = new List<ChunkResult>();
        while (source.TryNext(out var chunk))
        {
            var result = new CsvChunkParser(layout).Parse(chunk);
            CsvChunkSource.Return(chunk);
            if (result.Error is { } error)
            {
                throw error;
            }

            results.Add(result);
        }

        return results;
    }

    /// <summary>One thread reads (and decompresses) and cuts chunks; the thread pool parses them; this thread collects them in order.</summary>
    private static List<ChunkResult> ParseParallel(CsvChunkSource source, CsvLayout layout, int threads)
    {
        using var stop = new CancellationTokenSource();
        using var pending = new BlockingCollection<Task<ChunkResult>>(boundedCapacity: threads * 2);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    while (!stop.IsCancellationRequested && source.TryNext(out var chunk))
                    {
                        pending.Add(Task.Run(() => ParseAndReturn(layout, chunk)), stop.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                    // the consumer stopped at an error
                }
                finally
                {
                    pending.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var results = new List<ChunkResult>();
        try
        {
            foreach (var task in pending.GetConsumingEnumerable())
            {
                var result = task.GetAwaiter().GetResult();
                if (result.Error is { } error)
                {
                    throw error;
                }

                results.Add(result);
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var _ in pending.GetConsumingEnumerable())
            {
                // drain so that the producer can finish
            }

            producer.GetAwaiter().GetResult();
        }

        return results;
    }

    private static ChunkResult ParseAndReturn(CsvLayout layout, CsvChunk chunk)
    {
        try
        {
            return new CsvChunkParser(layout).Parse(chunk);
        }
        finally
        {
            CsvChunkSource.Return(chunk);
        }
    }

    private static void CheckHeader(string[] names, string displayName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0)
            {
                throw new DataFormatException(displayName, 1, null, $"header field {i + 1} is empty; every column needs a name");
            }

            if (!seen.Add(names[i]))
            {
                throw new DataFormatException(displayName, 1, names[i], "the header names this column twice");
            }
        }
    }
}
