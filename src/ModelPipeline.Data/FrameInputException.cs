namespace ModelPipeline.Data;

/// <summary>An input row value that cannot be used: names the row (0-based index) and column.</summary>
public sealed class FrameInputException(int row, string column, string problem)
    : Exception($"row {row}, column '{column}': {problem}")
{
    /// <summary>0-based index of the row in the input.</summary>
    public int Row { get; } = row;

    public string ColumnName { get; } = column;

    public string Problem { get; } = problem;
}
