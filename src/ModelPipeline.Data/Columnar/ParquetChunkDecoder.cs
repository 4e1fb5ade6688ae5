using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ModelPipeline.Data.Csv;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace ModelPipeline.Data.Columnar;

/// <summary>
/// One column of one row group as a <see cref="ChunkColumn"/>: numbers (NaN = missing) or codes into the chunk's
/// levels in first-seen order, the shape the CSV reader's chunks have, so that <see cref="ColumnSink"/> joins both.
/// </summary>
internal sealed class ParquetChunkDecoder(string displayName, HashSet<string> missingTokens, ChunkArrays arrays)
{
    public async Task<ChunkColumn> DecodeAsync(ParquetRowGroupReader group, DataField field, ParquetColumn column, long firstRow)
    {
        using var raw = await group.ReadRawColumnDataBaseAsync(field);
        return Decode(raw, field.MaxDefinitionLevel, checked((int)group.RowCount), column, firstRow);
    }

    private ChunkColumn Decode(RawColumnData raw, int maxLevel, int rows, ParquetColumn column, long firstRow)
    {
        var levels = maxLevel > 0 ? raw.DefinitionLevels : default;
        var present = new Presence(levels, maxLevel, rows);
        return raw switch
        {
            RawColumnData<ReadOnlyMemory<char>> text => Text(text.Values, present),
            RawColumnData<bool> flags => Flags(flags.Values, present, column),
            RawColumnData<DateTime> times => Coded(times.Values, present, t => t.Ticks, t => MomentText(new DateTime(t), column)),
            RawColumnData<DateOnly> dates => Coded(dates.Values, present, d => d.DayNumber, d => DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            RawColumnData<TimeSpan> spans => Coded(spans.Values, present, s => s.Ticks, s => TimeSpan.FromTicks(s).ToString("c", CultureInfo.InvariantCulture)),
            RawColumnData<TimeOnly> times => Coded(times.Values, present, t => t.Ticks, t => new TimeOnly(t).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            RawColumnData<sbyte> n => Numbers<sbyte>(n.Values, present, column, firstRow),
            RawColumnData<byte> n => Numbers<byte>(n.Values, present, column, firstRow),
            RawColumnData<short> n => Numbers<short>(n.Values, present, column, firstRow),
            RawColumnData<ushort> n => Numbers<ushort>(n.Values, present, column, firstRow),
            RawColumnData<int> n => Numbers<int>(n.Values, present, column, firstRow),
            RawColumnData<uint> n => Numbers<uint>(n.Values, present, column, firstRow),
            RawColumnData<long> n => Numbers<long>(n.Values, present, column, firstRow),
            RawColumnData<ulong> n => Numbers<ulong>(n.Values, present, column, firstRow),
            RawColumnData<float> n => Numbers<float>(n.Values, present, column, firstRow),
            RawColumnData<double> n => Numbers<double>(n.Values, present, column, firstRow),
            RawColumnData<decimal> n => Numbers<decimal>(n.Values, present, column, firstRow),
            RawColumnData<Half> n => Numbers<Half>(n.Values, present, column, firstRow),
            _ => throw new DataFormatException(displayName, column.Name, $"Parquet values of type {column.ClrType.Name} are not read (list it in data.ignore)"),
        };
    }

    /// <summary>Timestamps as ISO 8601 (seconds always, fractions when there are any); DATE-only columns as yyyy-MM-dd.</summary>
    private static string MomentText(DateTime time, ParquetColumn column) =>
        column.DateOnly
            ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    // Hot loops, each run over millions of rows once per read: compiled optimized at once rather than starting in
    // tier 0 (a read is over before tiering would replace them), which a first read in a process pays for otherwise.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ChunkColumn Text(ReadOnlySpan<ReadOnlyMemory<char>> values, Presence present)
    {
        var coder = new TextLevelCoder(missingTokens);
        var memo = new TextEntryMemo(coder);
        var codes = arrays.Ints.Rent(present.Rows);
        var next = 0;
        for (var row = 0; row < present.Rows; row++)
        {
            codes[row] = present[row] ? memo.CodeOf(values[next++]) : -1;
        }

        return new ChunkColumn(codes, coder.Levels, arrays);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ChunkColumn Coded<T, TKey>(ReadOnlySpan<T> values, Presence present, Func<T, TKey> key, Func<TKey, string> format)
        where TKey : notnull
    {
        var coder = new LevelCoder<TKey>(format);
        var codes = arrays.Ints.Rent(present.Rows);
        var next = 0;
        var (last, lastCode) = (default(TKey), -1);
        for (var row = 0; row < present.Rows; row++)
        {
            if (!present[row])
            {
                codes[row] = -1;
                continue;
            }

            // Runs of one value (sorted timestamps, repeated flags) skip the dictionary.
            var value = key(values[next++]);
            if (lastCode < 0 || !EqualityComparer<TKey>.Default.Equals(value, last))
            {
                (last, lastCode) = (value, coder.CodeOf(value));
            }

            codes[row] = lastCode;
        }

        return new ChunkColumn(codes, coder.Levels, arrays);
    }

    private ChunkColumn Flags(ReadOnlySpan<bool> values, Presence present, ParquetColumn column) =>
        column.AsText
            ? Coded(values, present, v => v, v => v ? "true" : "false")
            : Filled(MemoryMarshal.Cast<bool, byte>(values), present, out _);

    private ChunkColumn Numbers<T>(ReadOnlySpan<T> values, Presence present, ParquetColumn column, long firstRow)
        where T : INumberBase<T>
    {
        if (column.AsText)
        {
            return Coded(values, present, v => BitConverter.DoubleToInt64Bits(double.CreateTruncating(v)),
                bits => BitConverter.Int64BitsToDouble(bits).ToString("R", CultureInfo.InvariantCulture));
        }

        var chunk = Filled(values, present, out var infinite);
        if (infinite)
        {
            RefuseInfinity(chunk.Numbers.AsSpan(0, present.Rows), column, firstRow);
        }

        if (column.Declared == ColumnKind.Boolean)
        {
            var numbers = chunk.Numbers.AsSpan(0, present.Rows);
            for (var row = 0; row < numbers.Length; row++)
            {
                if (numbers[row] is not (0 or 1) && !double.IsNaN(numbers[row]))
                {
                    throw new DataFormatException(displayName, column.Name,
                        $"row {firstRow + row + 1}: '{numbers[row].ToString("R", CultureInfo.InvariantCulture)}' is not true/false, yes/no or 1/0, and the column is declared boolean");
                }
            }
        }

        return chunk;
    }

    /// <summary>
    /// Infinite values are refused as the CSV reader refuses <c>inf</c> (scikit-learn refuses them too), naming the
    /// first such row; NaN stays missing, as the CSV reader's NaN token is.
    /// </summary>
    private void RefuseInfinity(ReadOnlySpan<double> numbers, ParquetColumn column, long firstRow)
    {
        var row = numbers.IndexOfAny(double.PositiveInfinity, double.NegativeInfinity);
        var text = double.IsPositiveInfinity(numbers[row]) ? "Infinity" : "-Infinity";
        throw new DataFormatException(displayName, column.Name,
            $"row {firstRow + row + 1}: '{text}' is an infinite number; infinite values are refused, as scikit-learn refuses them: " +
            "write a null (a missing value, imputed) or a finite number");
    }

    /// <summary>
    /// A numeric chunk; NaN (from a float column or a null) is missing. <paramref name="infinite"/>: some value is
    /// +/-Infinity (a flag or-ed per value, no branch, rather than a second pass over the chunk).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ChunkColumn Filled<T>(ReadOnlySpan<T> values, Presence present, out bool infinite)
        where T : INumberBase<T>
    {
        var chunk = new ChunkColumn(present.Rows, text: false, arrays);
        var next = 0;
        var anyInfinite = false;
        for (var row = 0; row < present.Rows; row++)
        {
            if (present[row] && double.CreateTruncating(values[next++]) is var value && !double.IsNaN(value))
            {
                anyInfinite |= double.IsInfinity(value);
                chunk.AddNumber(value);
            }
            else
            {
                chunk.AddMissing();
            }
        }

        infinite = anyInfinite;
        return chunk;
    }

    /// <summary>Which rows hold a value: all of them for a required column, those at the top definition level otherwise.</summary>
    private readonly ref struct Presence(ReadOnlySpan<int> levels, int maxLevel, int rows)
    {
        private readonly ReadOnlySpan<int> _levels = levels;

        public int Rows { get; } = rows;

        public bool this[int row] => maxLevel == 0 || _levels[row] == maxLevel;
    }
}
