namespace ModelPipeline.Data.Csv;

/// <summary>
/// Reads one record that contains quotes (RFC 4180: "" is a quote, quoted fields may hold delimiters
/// and line breaks) into an unescaped scratch buffer. Whitespace around a quoted field is dropped.
/// </summary>
internal sealed class QuotedRecord(byte delimiter)
{
    private byte[] _scratch = new byte[256];
    private readonly List<(int Start, int Length)> _fields = [];
    private int _length;

    public int FieldCount => _fields.Count;

    public ReadOnlySpan<byte> Field(int index) => _scratch.AsSpan(_fields[index].Start, _fields[index].Length);

    /// <summary>Reads the record at <paramref name="start"/>; false when a quote is still open at the end of the data.</summary>
    public bool Read(ReadOnlySpan<byte> data, int start, out int consumed, out int lineBreaks)
    {
        _fields.Clear();
        _length = 0;
        lineBreaks = 0;
        var fieldStart = 0;
        var quotedEnd = -1; // scratch length when the field's closing quote was read
        var inQuotes = false;
        var i = start;
        while (true)
        {
            if (i == data.Length)
            {
                consumed = i - start;
                if (inQuotes)
                {
                    return false;
                }

                EndField(fieldStart, quotedEnd);
                return true;
            }

            var b = data[i++];
            if (inQuotes)
            {
                if (b != (byte)'"')
                {
                    lineBreaks += b == (byte)'\n' ? 1 : 0;
                    Append(b);
                }
                else if (i < data.Length && data[i] == (byte)'"')
                {
                    Append(b);
                    i++;
                }
                else
                {
                    inQuotes = false;
                    quotedEnd = _length;
                }
            }
            else if (b == (byte)'"')
            {
                inQuotes = true;
                if (_scratch.AsSpan(fieldStart, _length - fieldStart).Trim(" \t"u8).IsEmpty)
                {
                    _length = fieldStart; // spaces before the opening quote
                }
            }
            else if (b == delimiter)
            {
                EndField(fieldStart, quotedEnd);
                fieldStart = _length;
                quotedEnd = -1;
            }
            else if (b == (byte)'\n')
            {
                lineBreaks++;
                consumed = i - start;
                EndField(fieldStart, quotedEnd);
                return true;
            }
            else
            {
                Append(b);
            }
        }
    }

    private void EndField(int fieldStart, int quotedEnd)
    {
        var end = _length;
        if (quotedEnd >= 0 && _scratch.AsSpan(quotedEnd, end - quotedEnd).Trim(" \t\r"u8).IsEmpty)
        {
            end = quotedEnd; // spaces (or CR) after the closing quote
        }

        _fields.Add((fieldStart, end - fieldStart));
    }

    private void Append(byte b)
    {
        if (_length == _scratch.Length)
        {
            Array.Resize(ref _scratch, _scratch.Length * 2);
        }

        _scratch[_length++] = b;
    }
}
