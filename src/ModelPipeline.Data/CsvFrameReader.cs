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

        return Read(() => OpenFile(path), path, options ?? new CsvReadOptions(), Environment.ProcessorCount, DefaultChunkBytes, ExpectedBytes(path));
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
            DefaultChunkBytes,
            stream.Length - start);
    }

    public static Stream OpenFile(string path)
    {
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The reader with its thread count and chunk size exposed (tests check that they do not change the result).</summary>
    /// <param name="expectedBytes">The input's (uncompressed) size if known: sizes the columns up front.</param>
    internal static Frame Read(Func<Stream> open, string displayName, CsvReadOptions options, int threads, int chunkBytes, long? expectedBytes = null)
    {
        var forcedText = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            using var stream = open();
            var source = new CsvChunkSource(stream, chunkBytes);
            var layout = ReadLayout(source, displayName, options, forcedText);
            var assembler = new FrameAssembler(layout, expectedBytes);
            var arrays = new ChunkArrays();
            var complete = threads <= 1 || expectedBytes < chunkBytes // one chunk: no threads to start
                ? ParseSequential(source, layout, assembler, arrays)
                : ParseParallel(source, layout, assembler, arrays, threads);
            if (complete)
            {
                return assembler.Build();
            }

            // Rare: a column held only numbers in earlier chunks and text later. Read again with it as text
            // so that every level keeps its spelling.
            forcedText.UnionWith(assembler.Mixed);
        }
    }

    /// <summary>Uncompressed size: the file's length, or for .gz the size its trailer records (mod 2^32: an estimate).</summary>
    private static long? ExpectedBytes(string path)
    {
        var length = new FileInfo(path).Length;
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return length;
        }

        if (length < 18)
        {
            return null;
        }

        using var file = File.OpenRead(path);
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        return BitConverter.ToUInt32(trailer);
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

    /// <summary>Parses and appends chunk by chunk; false when a mixed column means reading again.</summary>
    private static bool ParseSequential(CsvChunkSource source, CsvLayout layout, FrameAssembler assembler, ChunkArrays arrays)
    {
        while (source.TryNext(out var chunk))
        {
            var result = new CsvChunkParser(layout, arrays).Parse(chunk);
            var length = chunk.Length;
            CsvChunkSource.Return(chunk);
            if (result.Error is { } error)
            {
                throw error;
            }

            if (!assembler.TryAppend(result, length))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One thread reads (and decompresses) and cuts chunks; the thread pool parses them; this thread collects them in order.</summary>
    private static bool ParseParallel(CsvChunkSource source, CsvLayout layout, FrameAssembler assembler, ChunkArrays arrays, int threads)
    {
        using var stop = new CancellationTokenSource();
        using var pending = new BlockingCollection<Task<(ChunkResult Result, int Bytes)>>(boundedCapacity: threads * 2);
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    while (!stop.IsCancellationRequested && source.TryNext(out var chunk))
                    {
                        pending.Add(Task.Run(() => ParseAndReturn(layout, arrays, chunk)), stop.Token);
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

        try
        {
            foreach (var task in pending.GetConsumingEnumerable())
            {
                var (result, bytes) = task.GetAwaiter().GetResult();
                if (result.Error is { } error)
                {
                    throw error;
                }

                if (!assembler.TryAppend(result, bytes))
                {
                    return false;
                }
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

        return true;
    }

    private static (ChunkResult, int) ParseAndReturn(CsvLayout layout, ChunkArrays arrays, CsvChunk chunk)
    {
        try
        {
            return (new CsvChunkParser(layout, arrays).Parse(chunk), chunk.Length);
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
