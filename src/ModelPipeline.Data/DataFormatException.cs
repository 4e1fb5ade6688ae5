namespace ModelPipeline.Data;

/// <summary>
/// A data file that cannot be read: the message names the file, the line (CSV) or row (Parquet) when there is one,
/// and the column.
/// </summary>
public sealed class DataFormatException(string file, long line, string? column, string problem)
    : Exception(Describe(file, line, column, problem))
{
    /// <summary>A problem with the file as a whole or with a column, not with one line (e.g. a truncated Parquet file).</summary>
    public DataFormatException(string file, string? column, string problem)
        : this(file, 0, column, problem)
    {
    }

    public string File { get; } = file;

    /// <summary>The 1-based line of a CSV file; 0 when the problem is not on one line.</summary>
    public long Line { get; } = line;

    public string? ColumnName { get; } = column;

    public string Problem { get; } = problem;

    private static string Describe(string file, long line, string? column, string problem)
    {
        var where = line > 0 ? $"{file}:{line}" : file;
        return column is null ? $"{where}: {problem}" : $"{where}: column '{column}': {problem}";
    }
}
