using System.Runtime.CompilerServices;

namespace ModelPipeline.Data.Csv;

/// <summary>
/// The frame's values of one column, appended chunk by chunk in file order into arrays sized from the
/// expected row count. Category codes are mapped from each chunk's levels to first-seen order over the file.
/// A sink made for <paramref name="text"/> (the Parquet reader knows its column's kind before reading) holds codes from
/// the start instead of a number array it would drop at the first chunk.
/// </summary>
internal sealed class ColumnSink(string name, ColumnKind? declared, int capacity, bool text = false)
{
    private double[]? _numbers = text ? null : new double[capacity];
    private int[]? _codes = text ? new int[capacity] : null;
    private readonly List<string> _levels = [];
    private readonly Dictionary<string, int> _lookup = new(StringComparer.Ordinal);
    private bool _hasNumbers;
    private int _count;

    public string Name => name;

    public int Capacity => _numbers?.Length ?? _codes!.Length;

    /// <summary>Appends a chunk's values; false when this chunk has numbers and another text (the file must be read again).</summary>
    public bool TryAppend(ChunkColumn column, int rows)
    {
        if (column.IsText)
        {
            if (_codes is null)
            {
                if (_hasNumbers)
                {
                    return false;
                }

                _codes = new int[Capacity];
                _codes.AsSpan(0, _count).Fill(-1);
                _numbers = null;
            }

            AppendCodes(column, rows);
        }
        else if (_codes is not null)
        {
            if (column.HasNumbers)
            {
                return false;
            }

            _codes.AsSpan(_count, rows).Fill(-1);
        }
        else
        {
            column.Numbers.AsSpan(0, rows).CopyTo(_numbers.AsSpan(_count));
            _hasNumbers |= column.HasNumbers;
        }

        _count += rows;
        return true;
    }

    /// <summary>Makes room for <paramref name="capacity"/> rows (copying what is there).</summary>
    public void Grow(int capacity)
    {
        if (_numbers is not null)
        {
            Array.Resize(ref _numbers, capacity);
        }
        else
        {
            Array.Resize(ref _codes, capacity);
        }
    }

    /// <summary>The finished column; the arrays are cut to the row count when the estimate was too high.</summary>
    public Column Build(out long droppedBytes)
    {
        droppedBytes = _count == Capacity ? 0 : _numbers is not null ? Capacity * 8L : Capacity * 4L;
        if (_codes is null)
        {
            var numbers = Exact(_numbers!);
            return declared == ColumnKind.Boolean ? Column.Boolean(name, numbers) : Column.Numeric(name, numbers);
        }

        var codes = Exact(_codes);
        if (declared is null && BooleanText.AreBooleanLevels(_levels))
        {
            var flags = _levels.Select(l => BooleanText.TryParse(l, out var flag) && flag ? 1.0 : 0.0).ToArray();
            var values = new double[codes.Length];
            for (var row = 0; row < codes.Length; row++)
            {
                values[row] = codes[row] < 0 ? double.NaN : flags[codes[row]];
            }

            return Column.Boolean(name, values);
        }

        return Column.Categorical(name, codes, [.. _levels]);
    }

    private T[] Exact<T>(T[] values)
    {
        if (values.Length == _count)
        {
            return values;
        }

        var exact = values.AsSpan(0, _count).ToArray();
        _numbers = null;
        _codes = null;
        return exact;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendCodes(ChunkColumn column, int rows)
    {
        var map = new int[column.Levels.Count];
        for (var i = 0; i < map.Length; i++)
        {
            var level = column.Levels[i];
            if (!_lookup.TryGetValue(level, out map[i]))
            {
                map[i] = _levels.Count;
                _lookup.Add(level, _levels.Count);
                _levels.Add(level);
            }
        }

        var local = column.Codes.AsSpan(0, rows);
        var target = _codes.AsSpan(_count, rows);
        for (var row = 0; row < rows; row++)
        {
            var code = local[row];
            target[row] = code < 0 ? -1 : map[code];
        }
    }
}
