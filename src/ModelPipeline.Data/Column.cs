using System.Globalization;

namespace ModelPipeline.Data;

/// <summary>
/// One named column of a <see cref="Frame"/>. Numeric and boolean columns hold doubles
/// (NaN = missing); categorical columns hold codes into <see cref="Categories"/> (-1 = missing).
/// </summary>
public sealed class Column
{
    private Column(string name, ColumnKind kind, double[]? numbers, int[]? codes, string[] categories)
    {
        Name = name;
        Kind = kind;
        Numbers = numbers;
        Codes = codes;
        Categories = categories;
        Length = numbers?.Length ?? codes!.Length;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>The values of a numeric or boolean column; null for a categorical one.</summary>
    public double[]? Numbers { get; }

    /// <summary>The codes of a categorical column; null for a numeric one.</summary>
    public int[]? Codes { get; }

    /// <summary>The levels of a categorical column, in the order they were first seen.</summary>
    public IReadOnlyList<string> Categories { get; }

    public int Length { get; }

    public bool IsNumeric => Numbers is not null;

    public static Column Numeric(string name, double[] values) => new(name, ColumnKind.Numeric, values, null, []);

    public static Column Boolean(string name, double[] values) => new(name, ColumnKind.Boolean, values, null, []);

    public static Column Categorical(string name, int[] codes, string[] categories) =>
        new(name, ColumnKind.Categorical, null, codes, categories);

    public bool IsMissing(int row) => Numbers is { } n ? double.IsNaN(n[row]) : Codes![row] < 0;

    /// <summary>The value of a row as text (invariant culture), or null when missing.</summary>
    public string? GetText(int row)
    {
        if (Numbers is { } n)
        {
            return double.IsNaN(n[row]) ? null : n[row].ToString("R", CultureInfo.InvariantCulture);
        }

        var code = Codes![row];
        return code < 0 ? null : Categories[code];
    }

    /// <summary>A new column holding only the given rows, in that order.</summary>
    public Column Take(ReadOnlySpan<int> rows)
    {
        if (Numbers is { } n)
        {
            var values = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                values[i] = n[rows[i]];
            }

            return new Column(Name, Kind, values, null, []);
        }

        var codes = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            codes[i] = Codes![rows[i]];
        }

        return new Column(Name, Kind, null, codes, (string[])Categories);
    }

    public override string ToString() => $"{Name} ({Kind}, {Length} rows)";
}
