using ModelPipeline.Data;

namespace ModelPipeline.Monitoring.Tests;

/// <summary>Frames the drift tests start from (read through <see cref="TestData"/>) and shift.</summary>
internal static class Frames
{
    /// <summary>churn.csv with total_charges numeric (11 empty cells).</summary>
    public static Frame Churn() => TestData.Read("churn.csv", new CsvReadOptions { Kinds = new Dictionary<string, ColumnKind> { ["total_charges"] = ColumnKind.Numeric } });

    /// <summary>The frame with one numeric column multiplied by a factor.</summary>
    public static Frame Scale(Frame frame, string column, double factor) =>
        new([.. frame.Columns.Select(c => c.Name == column ? Column.Numeric(c.Name, Array.ConvertAll(c.Numbers!, v => v * factor)) : c)]);
}
