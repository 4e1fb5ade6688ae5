using System.Buffers;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// Cuts a byte stream into <see cref="CsvChunk"/>s of about <c>chunkBytes</c> that end at a line break
/// outside quotes, so that each chunk can be parsed on its own. Chunk boundaries depend only on the
/// bytes and the chunk size, never on timing: the parsed result is the same for any thread count.
/// </summary>
internal sealed class CsvChunkSource(Stream stream, int chunkBytes)
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
    private int _filled;
    private bool _end;
    private long _nextLine = 1;
    private int _index;

    /// <summary>The header record's bytes (without the UTF-8 byte order mark and line break); null for an empty stream.</summary>
    public byte[]? ReadHeader()
    {
        while (true)
        {
            Fill();
            var span = _buffer.AsSpan(0, _filled);
            var skip = span.StartsWith("\uFEFF"u8) ? 3 : 0;
            var end = RecordEnd(span[skip..]);
            if (end < 0 && !_end)
            {
                Grow();
                continue;
            }

            if (_filled == skip && _end)
            {
                return null;
            }

            var length = end < 0 ? _filled - skip : end;
            var header = span.Slice(skip, length).ToArray();
            var consumed = Math.Min(_filled, skip + length + 1);
            _nextLine += span[..consumed].Count((byte)'\n');
            Shift(consumed);
            return header;
        }
    }

    public bool TryNext(out CsvChunk chunk)
    {
        while (true)
        {
            Fill();
            if (_filled == 0)
            {
                chunk = null!;
                return false;
            }

            var span = _buffer.AsSpan(0, _filled);
            var boundary = _end ? _filled : LastRecordBoundary(span);
            if (boundary <= 0)
            {
                Grow();
                continue;
            }

            var data = _buffer;
            var content = span[..boundary];
            var lineBreaks = content.Count((byte)'\n');
            chunk = new CsvChunk(data, boundary, _index++, _nextLine, lineBreaks, content.Contains((byte)'"'));
            _nextLine += lineBreaks;
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, _filled - boundary));
            data.AsSpan(boundary, _filled - boundary).CopyTo(_buffer);
            _filled -= boundary;
            return true;
        }
    }

    public static void Return(CsvChunk chunk) => ArrayPool<byte>.Shared.Return(chunk.Buffer);

    /// <summary>Index just past the last line break outside quotes, or 0 when there is none.</summary>
    private static int LastRecordBoundary(ReadOnlySpan<byte> span)
    {
        if (!span.Contains((byte)'"'))
        {
            return span.LastIndexOf((byte)'\n') + 1;
        }

        var last = -1;
        var inQuotes = false;
        var position = 0;
        while (true)
        {
            var next = span[position..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                return last + 1;
            }

            position += next;
            if (span[position] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                last = position;
            }

            position++;
        }
    }

    /// <summary>Index of the first line break outside quotes, or -1.</summary>
    private static int RecordEnd(ReadOnlySpan<byte> span)
    {
        var inQuotes = false;
        var position = 0;
        while (true)
        {
            var next = span[position..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                return -1;
            }

            position += next;
            if (span[position] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                return position;
            }

            position++;
        }
    }

    private void Fill()
    {
        while (!_end && _filled < _buffer.Length)
        {
            var read = stream.Read(_buffer, _filled, _buffer.Length - _filled);
            if (read == 0)
            {
                _end = true;
            }

            _filled += read;
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        _buffer.AsSpan(0, _filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    private void Shift(int consumed)
    {
        _buffer.AsSpan(consumed, _filled - consumed).CopyTo(_buffer);
        _filled -= consumed;
    }
}
