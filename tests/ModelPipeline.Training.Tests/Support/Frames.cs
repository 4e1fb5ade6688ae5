using ModelPipeline.Data;

namespace ModelPipeline.Training.Tests.Support;

/// <summary>Small hand-made frames.</summary>
internal static class Frames
{
    /// <summary>A copy of <paramref name="frame"/>'s first rows with one categorical column's values replaced.</summary>
    public static Frame WithCategory(Frame frame, int rows, string column, string level)
    {
        var head = frame.Take([.. Enumerable.Range(0, rows)]);
        return new Frame([.. head.Columns.Select(c => c.Name == column ? Column.Categorical(column, new int[rows], [level]) : c)]);
    }

    public static Frame Of(params Column[] columns) => new(columns);
}
