using System.Text;
using ModelPipeline.Data.Csv;

namespace ModelPipeline.Data.Columnar;

/// <summary>
/// Gives a Parquet string column the kind the CSV reader would give the same cells: numeric when every value is a
/// number (or when declared numeric), boolean when declared boolean (1/0, true/false, yes/no), categorical
/// otherwise. Two true/false levels already made it boolean in <see cref="ColumnSink"/>.
/// </summary>
internal static class TextColumnKind
{
    public static Column Settle(Column column, ParquetColumn source, string displayName)
    {
        if (source.Kind != ParquetValueKind.Text || column.Kind != ColumnKind.Categorical || source.Declared == ColumnKind.Categorical)
        {
            return column;
        }

        var levels = column.Categories;
        var numbers = new double[levels.Count];
        for (var level = 0; level < levels.Count; level++)
        {
            if (!TryRead(levels[level], source.Declared, out numbers[level]))
            {
                return source.Declared is null ? column : throw NotOfKind(column, level, source, displayName);
            }
        }

        var codes = column.Codes!;
        var values = new double[codes.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            values[row] = codes[row] < 0 ? double.NaN : numbers[codes[row]];
        }

        return source.Declared == ColumnKind.Boolean ? Column.Boolean(column.Name, values) : Column.Numeric(column.Name, values);
    }

    /// <summary>A cell as the CSV reader reads it: a number, or for a boolean column also a true/false spelling.</summary>
    private static bool TryRead(string level, ColumnKind? declared, out double value)
    {
        if (Utf8Number.TryParse(Encoding.UTF8.GetBytes(level), out value))
        {
            return declared != ColumnKind.Boolean || value is 0 or 1 || double.IsNaN(value);
        }

        if (declared == ColumnKind.Boolean && BooleanText.TryParse(level, out var flag))
        {
            value = flag ? 1 : 0;
            return true;
        }

        return false;
    }

    private static DataFormatException NotOfKind(Column column, int level, ParquetColumn source, string displayName)
    {
        var row = Array.IndexOf(column.Codes!, level);
        var expected = source.Declared == ColumnKind.Numeric ? "a number" : "true/false, yes/no or 1/0";
        return new DataFormatException(displayName, column.Name,
            $"row {row + 1}: '{column.Categories[level]}' is not {expected}, and the column is declared {source.Declared.ToString()!.ToLowerInvariant()}");
    }
}
