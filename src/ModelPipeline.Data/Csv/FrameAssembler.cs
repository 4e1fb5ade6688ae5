namespace ModelPipeline.Data.Csv;

/// <summary>
/// Joins the chunks' columns, in file order, into a <see cref="Frame"/>: numbers are copied, chunk-local
/// category codes are mapped to codes in first-seen order over the whole file. Peak memory is about
/// the chunks' values plus one finished column, as each column's chunk arrays are released once copied.
/// </summary>
internal static class FrameAssembler
{
    /// <summary>
    /// The columns that some chunks read as numbers and others as text: the file must be read again with
    /// them as text, so that every level keeps its original spelling.
    /// </summary>
    public static IReadOnlySet<string> MixedColumns(CsvLayout layout, IReadOnlyList<ChunkResult> chunks)
    {
        var mixed = new HashSet<string>(StringComparer.Ordinal);
        for (var slot = 0; slot < layout.SlotFields.Length; slot++)
        {
            var anyText = chunks.Any(c => c.Columns[slot].IsText);
            if (anyText && chunks.Any(c => !c.Columns[slot].IsText && c.Columns[slot].HasNumbers))
            {
                mixed.Add(layout.SlotName(slot));
            }
        }

        return mixed;
    }

    public static Frame Assemble(CsvLayout layout, IReadOnlyList<ChunkResult> chunks)
    {
        var rows = chunks.Sum(c => c.Rows);
        var columns = new Column[layout.SlotFields.Length];
        for (var slot = 0; slot < columns.Length; slot++)
        {
            var name = layout.SlotName(slot);
            var declared = layout.Declared[slot];
            columns[slot] = chunks.Any(c => c.Columns[slot].IsText)
                ? Text(name, declared, slot, rows, chunks)
                : declared == ColumnKind.Boolean
                    ? Column.Boolean(name, Numbers(slot, rows, chunks))
                    : Column.Numeric(name, Numbers(slot, rows, chunks));
        }

        return new Frame(columns);
    }

    private static double[] Numbers(int slot, int rows, IReadOnlyList<ChunkResult> chunks)
    {
        var values = new double[rows];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var column = chunk.Columns[slot];
            column.Numbers.AsSpan(0, chunk.Rows).CopyTo(values.AsSpan(offset));
            offset += chunk.Rows;
            column.Release();
        }

        return values;
    }

    private static Column Text(string name, ColumnKind? declared, int slot, int rows, IReadOnlyList<ChunkResult> chunks)
    {
        var codes = new int[rows];
        var levels = new List<string>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var column = chunk.Columns[slot];
            var target = codes.AsSpan(offset, chunk.Rows);
            if (column.Codes is { } local)
            {
                var map = new int[column.Levels.Count];
                for (var i = 0; i < map.Length; i++)
                {
                    var level = column.Levels[i];
                    if (!lookup.TryGetValue(level, out map[i]))
                    {
                        map[i] = levels.Count;
                        lookup.Add(level, levels.Count);
                        levels.Add(level);
                    }
                }

                for (var row = 0; row < target.Length; row++)
                {
                    var code = local[row];
                    target[row] = code < 0 ? -1 : map[code];
                }
            }
            else
            {
                target.Fill(-1); // a chunk where this column was only ever missing
            }

            offset += chunk.Rows;
            column.Release();
        }

        if (declared is null && BooleanText.AreBooleanLevels(levels))
        {
            var flags = levels.Select(l => BooleanText.TryParse(l, out var flag) && flag ? 1.0 : 0.0).ToArray();
            var values = new double[rows];
            for (var row = 0; row < rows; row++)
            {
                values[row] = codes[row] < 0 ? double.NaN : flags[codes[row]];
            }

            return Column.Boolean(name, values);
        }

        return Column.Categorical(name, codes, [.. levels]);
    }
}
