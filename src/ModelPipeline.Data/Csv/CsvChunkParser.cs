using System.Text;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// Parses the records of one <see cref="CsvChunk"/> into <see cref="ChunkColumn"/>s. Lines without quotes
/// take a fast path straight over the bytes; lines with quotes are unescaped by <see cref="QuotedRecord"/>.
/// When an undeclared numeric column meets text, the chunk is parsed again with that column as text.
/// </summary>
internal sealed class CsvChunkParser(CsvLayout layout, ChunkArrays arrays)
{
    private readonly QuotedRecord _quoted = new(layout.Delimiter);
    private ChunkColumn[] _columns = [];
    private bool[] _text = [];
    private DataFormatException? _error;
    private int _switchSlot;

    public ChunkResult Parse(CsvChunk chunk)
    {
        _text = Enumerable.Range(0, layout.SlotFields.Length).Select(layout.IsKnownText).ToArray();
        while (true)
        {
            var rows = TryParse(chunk);
            if (_switchSlot < 0)
            {
                return new ChunkResult(rows, _columns, _error);
            }

            foreach (var column in _columns)
            {
                column.Release();
            }

            layout.MarkText(_switchSlot);
            _text[_switchSlot] = true;
        }
    }

    private int TryParse(CsvChunk chunk)
    {
        var capacity = chunk.LineBreaks + 1;
        _columns = _text.Select(text => new ChunkColumn(capacity, text, arrays)).ToArray();
        _error = null;
        _switchSlot = -1;
        var data = chunk.Span;
        var position = 0;
        var line = chunk.FirstLine;
        var rows = 0;
        while (position < data.Length)
        {
            var next = data[position..].IndexOf((byte)'\n');
            var end = next < 0 ? data.Length : position + next;
            var text = data[position..end];
            if (chunk.HasQuotes && text.Contains((byte)'"'))
            {
                if (!_quoted.Read(data, position, out var consumed, out var lineBreaks))
                {
                    _error = new DataFormatException(layout.DisplayName, line, null, "a quoted field is not closed before the end of the file");
                    return rows;
                }

                if (!AddQuotedRecord(line))
                {
                    return rows;
                }

                rows++;
                position += consumed;
                line += lineBreaks;
                continue;
            }

            if (!text.IsEmpty && text[^1] == (byte)'\r')
            {
                text = text[..^1];
            }

            position = end + 1;
            if (Trim(text).IsEmpty)
            {
                line++;
                continue; // blank line
            }

            if (!AddRecord(text, line))
            {
                return rows;
            }

            rows++;
            line++;
        }

        return rows;
    }

    private bool AddRecord(ReadOnlySpan<byte> text, long line)
    {
        var field = 0;
        var start = 0;
        var fields = layout.FieldCount;
        var delimiter = layout.Delimiter;
        var slots = layout.FieldSlots;
        while (true)
        {
            var end = start;
            while (end < text.Length && text[end] != delimiter)
            {
                end++; // fields are short: a plain loop beats a vectorised search here
            }

            if (field < fields && slots[field] is var slot and >= 0 && !AddCell(slot, text[start..end], line))
            {
                return false;
            }

            field++;
            if (end == text.Length)
            {
                break;
            }

            start = end + 1;
        }

        return CheckFieldCount(field, line);
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell)
    {
        var start = 0;
        var end = cell.Length;
        while (start < end && cell[start] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            start++;
        }

        while (end > start && cell[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end--;
        }

        return cell[start..end];
    }

    private bool AddQuotedRecord(long line)
    {
        if (!CheckFieldCount(_quoted.FieldCount, line))
        {
            return false;
        }

        for (var field = 0; field < _quoted.FieldCount; field++)
        {
            if (layout.FieldSlots[field] is var slot and >= 0 && !AddCell(slot, _quoted.Field(field), line))
            {
                return false;
            }
        }

        return true;
    }

    private bool CheckFieldCount(int count, long line)
    {
        if (count == layout.FieldCount)
        {
            return true;
        }

        var problem = count < layout.FieldCount
            ? $"row has {count} fields, the header has {layout.FieldCount} (missing from '{layout.Names[count]}' on)"
            : $"row has {count} fields, the header has {layout.FieldCount}";
        _error = new DataFormatException(layout.DisplayName, line, null, problem);
        return false;
    }

    private bool AddCell(int slot, ReadOnlySpan<byte> cell, long line)
    {
        cell = Trim(cell);
        var column = _columns[slot];
        if (cell.IsEmpty || layout.IsMissingToken(cell))
        {
            if (slot == layout.LabelSlot)
            {
                return Refuse(slot, line, "the label is missing; every row needs one (fill it in or remove the row)");
            }

            column.AddMissing();
            return true;
        }

        if (slot == layout.LabelSlot && layout.LabelClasses is { } classes && !CellText.IsOneOf(cell, classes))
        {
            return Refuse(slot, line, $"'{Encoding.UTF8.GetString(cell)}' is not one of the label's classes ({string.Join(", ", classes.Select(c => $"'{c}'"))})");
        }

        if (column.IsText)
        {
            column.AddText(cell);
            return true;
        }

        var declared = layout.Declared[slot];
        var parsed = Utf8Number.TryParse(cell, out var number);
        if (double.IsInfinity(number) || !parsed && CellText.IsInfinity(cell))
        {
            return Refuse(slot, line, $"'{Encoding.UTF8.GetString(cell)}' is an infinite number; infinite values are refused, as " +
                "scikit-learn refuses them: leave the cell empty (a missing value, imputed) or write a finite number");
        }

        if (parsed)
        {
            if (declared != ColumnKind.Boolean || number is 0 or 1 || double.IsNaN(number))
            {
                column.AddNumber(number);
                return true;
            }
        }
        else if (declared == ColumnKind.Boolean && BooleanText.TryParse(Encoding.UTF8.GetString(cell), out var flag))
        {
            column.AddNumber(flag ? 1 : 0);
            return true;
        }

        if (declared is ColumnKind.Numeric or ColumnKind.Boolean)
        {
            var expected = declared == ColumnKind.Numeric ? "a number" : "true/false, yes/no or 1/0";
            var problem = $"'{Encoding.UTF8.GetString(cell)}' is not {expected}, and the column is declared {declared.ToString()!.ToLowerInvariant()}";
            return Refuse(slot, line, problem);
        }

        _switchSlot = slot;
        return false;
    }

    private bool Refuse(int slot, long line, string problem)
    {
        _error = new DataFormatException(layout.DisplayName, line, layout.SlotName(slot), problem);
        return false;
    }
}
