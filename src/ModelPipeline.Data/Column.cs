using System.Globalization;

namespace ModelPipeline.Data;

/// <summary>
/// One named column of a <see cref="Frame"/>. Numeric and boolean columns hold numbers (NaN = missing), stored in
/// the narrowest type that keeps every value exactly (bytes for flags and small whole numbers, 16-bit, single or
/// double precision: a 3M-row column of hours takes 3 MB, not 24); categorical columns hold codes into
/// <see cref="Categories"/> (-1 = missing).
/// </summary>
public sealed class Column
{
    private readonly Array? _numbers;

    private Column(string name, ColumnKind kind, Array? numbers, int[]? codes, string[] categories)
    {
        Name = name;
        Kind = kind;
        _numbers = numbers;
        Codes = codes;
        Categories = categories;
        Length = numbers?.Length ?? codes!.Length;
    }

    public string Name { get; }

    public ColumnKind Kind { get; }

    /// <summary>
    /// The values of a numeric or boolean column as a <b>new</b> array of doubles on every call (take it once, not per
    /// row); null for a categorical one. <see cref="Number"/> reads one value.
    /// </summary>
    public double[]? Numbers => _numbers is null ? null : NumericStorage.ToDoubles(_numbers);

    /// <summary>Bytes per value of a numeric or boolean column's storage (1, 2, 4 or 8); 4 for a categorical one (codes).</summary>
    public int BytesPerValue => _numbers is null ? sizeof(int) : NumericStorage.BytesPerValue(_numbers);

    /// <summary>The codes of a categorical column; null for a numeric one.</summary>
    public int[]? Codes { get; }

    /// <summary>The levels of a categorical column, in the order they were first seen.</summary>
    public IReadOnlyList<string> Categories { get; }

    public int Length { get; }

    public bool IsNumeric => _numbers is not null;

    /// <summary>A numeric column, stored compactly (a copy; the array itself is kept only when doubles are needed: do not change it after).</summary>
    public static Column Numeric(string name, double[] values) => new(name, ColumnKind.Numeric, NumericStorage.Compact(values), null, []);

    /// <summary>A boolean column of 1/0 (NaN = missing); stored as bytes.</summary>
    public static Column Boolean(string name, double[] values) => new(name, ColumnKind.Boolean, NumericStorage.Compact(values), null, []);

    public static Column Categorical(string name, int[] codes, string[] categories) =>
        new(name, ColumnKind.Categorical, null, codes, categories);

    public bool IsMissing(int row) => _numbers is not null ? double.IsNaN(NumericStorage.Get(_numbers, row)) : Codes![row] < 0;

    /// <summary>One value of a numeric or boolean column (NaN = missing).</summary>
    public double Number(int row) => _numbers is not null
        ? NumericStorage.Get(_numbers, row)
        : throw new InvalidOperationException($"Column '{Name}' is categorical; it has no numbers.");

    /// <summary>The value of a row as text (invariant culture), or null when missing.</summary>
    public string? GetText(int row)
    {
        if (_numbers is not null)
        {
            var value = NumericStorage.Get(_numbers, row);
            return double.IsNaN(value) ? null : value.ToString("R", CultureInfo.InvariantCulture);
        }

        var code = Codes![row];
        return code < 0 ? null : Categories[code];
    }

    /// <summary>A new column holding only the given rows, in that order.</summary>
    public Column Take(ReadOnlySpan<int> rows)
    {
        if (_numbers is not null)
        {
            return new Column(Name, Kind, NumericStorage.Take(_numbers, rows), null, []);
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
