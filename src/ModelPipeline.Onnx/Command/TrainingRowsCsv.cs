using System.Text;
using ModelPipeline.Data;

namespace ModelPipeline.Onnx.Command;

/// <summary>
/// Writes a frame as the CSV a training command reads: a header of column names, numbers in invariant culture
/// (booleans as 1/0), text quoted, missing values empty. RFC 4180 quoting, UTF-8 without a byte-order mark.
/// </summary>
internal static class TrainingRowsCsv
{
    public static void Write(Frame frame, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', frame.Columns.Select(c => Quote(c.Name))));
        var line = new StringBuilder();
        for (var row = 0; row < frame.RowCount; row++)
        {
            line.Clear();
            for (var c = 0; c < frame.Columns.Count; c++)
            {
                if (c > 0)
                {
                    line.Append(',');
                }

                var column = frame.Columns[c];
                if (column.GetText(row) is { } text)
                {
                    line.Append(column.Kind == ColumnKind.Categorical ? Quote(text) : text);
                }
            }

            writer.WriteLine(line);
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
