using System.Globalization;
using System.Text;
using ModelPipeline.Data;

namespace ModelPipeline.Build;

/// <summary>
/// Writes a frame as CSV for the peers to read (header row, numbers in round-trip form, missing values empty, text
/// quoted when it must be), so that they train and score on exactly the rows ours did.
/// </summary>
internal static class FrameCsvWriter
{
    public static void Write(Frame frame, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', frame.ColumnNames.Select(Quote)));
        writer.Write('\n');
        var columns = frame.Columns;
        var levels = frame.Columns.Select(c => c.IsNumeric ? [] : c.Categories.Select(Quote).ToArray()).ToArray();
        Span<char> buffer = stackalloc char[32];
        for (var row = 0; row < frame.RowCount; row++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                if (columns[c].IsNumeric)
                {
                    var value = columns[c].Number(row);
                    if (double.IsNaN(value))
                    {
                        continue;
                    }

                    var written = value == Math.Floor(value) && Math.Abs(value) < 1e15
                        ? ((long)value).TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture) ? n : 0
                        : value.TryFormat(buffer, out n, "R", CultureInfo.InvariantCulture) ? n : 0;
                    writer.Write(buffer[..written]);
                }
                else if (columns[c].Codes![row] is var code and >= 0)
                {
                    writer.Write(levels[c][code]);
                }
            }

            writer.Write('\n');
        }
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 || text.Length == 0 || text != text.Trim() ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
