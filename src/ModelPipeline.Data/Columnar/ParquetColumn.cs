namespace ModelPipeline.Data.Columnar;

/// <summary>
/// One loaded Parquet column: its index among the file's data fields, name, value kind, declared kind, and whether a
/// timestamp column holds dates alone (Parquet DATE).
/// </summary>
internal sealed record ParquetColumn(int FieldIndex, string Name, Type ClrType, ParquetValueKind Kind, ColumnKind? Declared, bool DateOnly)
{
    /// <summary>Whether the chunks carry codes into text levels (otherwise numbers).</summary>
    public bool AsText => Kind is ParquetValueKind.Text or ParquetValueKind.Moment || Declared == ColumnKind.Categorical;

    /// <summary>The kind the column sink builds: booleans stay boolean unless declared otherwise.</summary>
    public ColumnKind? SinkKind => Declared ?? (Kind == ParquetValueKind.Flag ? ColumnKind.Boolean : null);
}
