namespace ModelPipeline.Data;

/// <summary>A data file that cannot be read: the message names the file, line and column.</summary>
public sealed class DataFormatException(string file, long line, string? column, string problem)
    : Exception(column is null ? $"{file}:{line}: {problem}" : $"{file}:{line}: column '{column}': {problem}")
{
    public string File { get; } = file;

    public long Line { get; } = line;

    public string? ColumnName { get; } = column;

    public string Problem { get; } = problem;
}
