using System.IO.Compression;
using System.Text;

namespace ModelPipeline.Data;

/// <summary>
/// Reads a CSV file (optionally gzip-compressed, by its .gz ending) with a header row into a
/// <see cref="Frame"/>, streaming it once. Quoted fields (with "" escapes and line breaks),
/// empty cells as missing, and kind inference per column. A row that cannot be read raises a
/// <see cref="DataFormatException"/> naming its line.
/// </summary>
public static class CsvFrameReader
{
    public static Frame Read(string path, CsvReadOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data file '{path}' does not exist.", path);
        }

        using var stream = OpenFile(path);
        return Read(stream, path, options);
    }

    public static Frame Read(Stream stream, string displayName, CsvReadOptions? options = null)
    {
        options ??= new CsvReadOptions();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var fields = new List<Range>(64);
        long line = 0;
        var header = ReadRecord(reader, ref line, fields, options.Delimiter, displayName)
            ?? throw new DataFormatException(displayName, 1, null, "the file is empty; expected a header row");
        var names = fields.Select(r => header[r].Trim()).ToArray();
        CheckHeader(names, displayName);
        foreach (var kind in options.Kinds.Keys.Concat(options.Ignore))
        {
            if (!names.Contains(kind, StringComparer.Ordinal))
            {
                throw new DataFormatException(displayName, 1, kind, $"no such column in the header; columns are {string.Join(", ", names)}");
            }
        }

        var builders = new ColumnBuilder?[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!options.Ignore.Contains(names[i]))
            {
                builders[i] = new ColumnBuilder(names[i], options.Kinds.TryGetValue(names[i], out var k) ? k : null);
            }
        }

        var missing = options.MissingTokens.ToArray();
        while (true)
        {
            var recordLine = line + 1;
            var record = ReadRecord(reader, ref line, fields, options.Delimiter, displayName);
            if (record is null)
            {
                break;
            }

            if (fields.Count == 1 && record.AsSpan()[fields[0]].IsWhiteSpace())
            {
                continue; // blank line
            }

            if (fields.Count != names.Length)
            {
                var problem = fields.Count < names.Length
                    ? $"row has {fields.Count} fields, the header has {names.Length} (missing from '{names[fields.Count]}' on)"
                    : $"row has {fields.Count} fields, the header has {names.Length}";
                throw new DataFormatException(displayName, recordLine, null, problem);
            }

            for (var i = 0; i < names.Length; i++)
            {
                var builder = builders[i];
                if (builder is null)
                {
                    continue;
                }

                var cell = record.AsSpan()[fields[i]].Trim();
                if (cell.IsEmpty || IsMissingToken(cell, missing))
                {
                    builder.AddMissing();
                }
                else if (builder.Add(cell) is { } error)
                {
                    throw new DataFormatException(displayName, recordLine, names[i], error);
                }
            }
        }

        return new Frame(builders.Where(b => b is not null).Select(b => b!.Build()).ToArray());
    }

    public static Stream OpenFile(string path)
    {
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
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

    private static bool IsMissingToken(ReadOnlySpan<char> cell, string[] tokens)
    {
        foreach (var token in tokens)
        {
            if (cell.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one record (which may span lines inside quotes); field ranges index the returned text.</summary>
    private static string? ReadRecord(StreamReader reader, ref long line, List<Range> fields, char delimiter, string displayName)
    {
        var text = reader.ReadLine();
        if (text is null)
        {
            return null;
        }

        line++;
        var startLine = line;
        fields.Clear();
        if (!text.Contains('"'))
        {
            var start = 0;
            while (true)
            {
                var next = text.IndexOf(delimiter, start);
                if (next < 0)
                {
                    fields.Add(start..text.Length);
                    return text;
                }

                fields.Add(start..next);
                start = next + 1;
            }
        }

        // Quoted fields: unquote into a new buffer so that ranges index unescaped text.
        var output = new StringBuilder(text.Length);
        var position = 0;
        var fieldStart = 0;
        var inQuotes = false;
        while (true)
        {
            if (position == text.Length)
            {
                if (!inQuotes)
                {
                    fields.Add(fieldStart..output.Length);
                    return output.ToString();
                }

                var more = reader.ReadLine()
                    ?? throw new DataFormatException(displayName, startLine, null, "a quoted field is not closed before the end of the file");
                line++;
                output.Append('\n');
                text = more;
                position = 0;
                continue;
            }

            var c = text[position++];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (position < text.Length && text[position] == '"')
                    {
                        output.Append('"');
                        position++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    output.Append(c);
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == delimiter)
            {
                fields.Add(fieldStart..output.Length);
                fieldStart = output.Length;
            }
            else
            {
                output.Append(c);
            }
        }
    }
}
