namespace ModelPipeline.Data;

/// <summary>A table held column by column: what a CSV file becomes in memory.</summary>
public sealed class Frame
{
    private readonly Dictionary<string, Column> _byName;

    public Frame(IReadOnlyList<Column> columns)
    {
        Columns = columns;
        RowCount = columns.Count == 0 ? 0 : columns[0].Length;
        _byName = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Length != RowCount)
            {
                throw new ArgumentException($"Column '{column.Name}' has {column.Length} rows; expected {RowCount}.");
            }

            if (!_byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"Column '{column.Name}' appears twice.");
            }
        }
    }

    public IReadOnlyList<Column> Columns { get; }

    public int RowCount { get; }

    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);

    public Column this[string name] =>
        _byName.TryGetValue(name, out var column)
            ? column
            : throw new KeyNotFoundException($"No column '{name}'. Columns: {string.Join(", ", ColumnNames)}.");

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGetColumn(string name, out Column column) => _byName.TryGetValue(name, out column!);

    /// <summary>A new frame with only the given rows, in that order.</summary>
    public Frame Take(int[] rows) => new(Columns.Select(c => c.Take(rows)).ToArray());

    /// <summary>A new frame without the named columns (names that are absent are ignored).</summary>
    public Frame Without(params string[] names) =>
        new(Columns.Where(c => !names.Contains(c.Name, StringComparer.Ordinal)).ToArray());

    public override string ToString() => $"Frame {RowCount} rows × {Columns.Count} columns";
}
