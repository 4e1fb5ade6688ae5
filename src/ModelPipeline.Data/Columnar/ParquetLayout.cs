using Parquet.Schema;

namespace ModelPipeline.Data.Columnar;

/// <summary>
/// Which fields of a Parquet file's schema become frame columns, and how: flat (not nested, not repeated) fields
/// of a supported type, less the ignored ones. Checks the options' column names against the schema as the CSV
/// reader checks them against the header.
/// </summary>
internal static class ParquetLayout
{
    public static ParquetColumn[] Of(ParquetSchema schema, string displayName, CsvReadOptions options)
    {
        var names = schema.Fields.Select(f => f.Name).ToArray();
        foreach (var name in options.Kinds.Keys.Concat(options.Ignore))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                throw new DataFormatException(displayName, name, $"no such column in the file; columns are {string.Join(", ", names)}");
            }
        }

        var dataFields = schema.DataFields;
        var columns = new List<ParquetColumn>();
        foreach (var field in schema.Fields)
        {
            if (options.Ignore.Contains(field.Name))
            {
                continue;
            }

            if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0)
            {
                throw new DataFormatException(displayName, field.Name,
                    $"a nested or repeated Parquet column ({field.SchemaType.ToString().ToLowerInvariant()}); only flat columns are read (list it in data.ignore)");
            }

            var kind = KindOf(data) ?? throw new DataFormatException(displayName, field.Name,
                $"Parquet values of type {data.ClrType.Name} are not read; expected numbers, booleans, strings, dates or times (list it in data.ignore)");
            var declared = options.Kinds.TryGetValue(field.Name, out var k) ? k : (ColumnKind?)null;
            if (kind == ParquetValueKind.Moment && declared is ColumnKind.Numeric or ColumnKind.Boolean)
            {
                throw new DataFormatException(displayName, field.Name,
                    $"holds Parquet {data.ClrType.Name} values, and the column is declared {declared.ToString()!.ToLowerInvariant()}; declare it categorical or leave it undeclared");
            }

            columns.Add(new ParquetColumn(Array.IndexOf(dataFields, data), field.Name, data.ClrType, kind, declared,
                data is DateTimeDataField { DateTimeFormat: DateTimeFormat.Date }));
        }

        return [.. columns];
    }

    private static ParquetValueKind? KindOf(DataField field)
    {
        var type = field.ClrType;
        if (type == typeof(bool))
        {
            return ParquetValueKind.Flag;
        }

        if (type == typeof(ReadOnlyMemory<char>))
        {
            return ParquetValueKind.Text;
        }

        if (type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan) || type == typeof(TimeOnly))
        {
            return ParquetValueKind.Moment;
        }

        return type == typeof(sbyte) || type == typeof(byte) || type == typeof(short) || type == typeof(ushort)
            || type == typeof(int) || type == typeof(uint) || type == typeof(long) || type == typeof(ulong)
            || type == typeof(float) || type == typeof(double) || type == typeof(decimal) || type == typeof(Half)
            ? ParquetValueKind.Number
            : null;
    }
}
