using System.Globalization;
using ModelPipeline.Data;
using ModelPipeline.Definitions;

namespace ModelPipeline.Build;

/// <summary>
/// What the training rows must hold before anything is fitted: a label in every row, and no more classes than the
/// task has. The CSV reader names the line itself; a Parquet file's fault is named by its row.
/// </summary>
internal static class TrainingRows
{
    public static void Check(Frame frame, string path, string displayName, CsvReadOptions options, PipelineTask task)
    {
        if (options.Label is not { } labelName || !frame.TryGetColumn(labelName, out var label))
        {
            return;
        }

        for (var row = 0; row < label.Length; row++)
        {
            if (label.IsMissing(row))
            {
                throw new DataFormatException(displayName, labelName,
                    $"row {row + 1}: the label is missing; every row needs one (fill it in or remove the row)");
            }
        }

        if (task != PipelineTask.Binary)
        {
            return;
        }

        var counts = ClassCounts(label);
        if (counts.Count <= 2)
        {
            return;
        }

        var listed = string.Join(", ", counts.Select(c => $"'{c.Class}' {c.Rows.ToString("N0", CultureInfo.InvariantCulture)} row(s)"));
        var why = $"a binary task has exactly 2 classes, and '{labelName}' has {counts.Count}: {listed}";
        string[] expected = [.. counts.OrderByDescending(c => c.Rows).Take(2).Select(c => c.Class)];
        try
        {
            FrameReader.Read(path, options with { LabelClasses = expected });
        }
        catch (DataFormatException located) when (located.Line > 0)
        {
            throw new DataFormatException(displayName, located.Line, labelName, $"{located.Problem}; {why}");
        }

        var first = Enumerable.Range(0, label.Length).First(row => !expected.Contains(label.GetText(row)));
        throw new DataFormatException(displayName, labelName, $"row {first + 1}: '{label.GetText(first)}' is a third class; {why}");
    }

    /// <summary>Each class's row count, in first-seen order (numbers by value, texts by level).</summary>
    private static List<(string Class, int Rows)> ClassCounts(Column label)
    {
        if (label.Codes is { } codes)
        {
            var perLevel = new int[label.Categories.Count];
            foreach (var code in codes)
            {
                perLevel[code]++;
            }

            return [.. label.Categories.Select((level, i) => (level, perLevel[i])).Where(c => c.Item2 > 0)];
        }

        var counts = new Dictionary<double, int>();
        foreach (var value in label.Numbers!)
        {
            if (!counts.TryAdd(value, 1))
            {
                counts[value]++;
            }
        }

        return [.. counts.Select(c => (c.Key.ToString("R", CultureInfo.InvariantCulture), c.Value))];
    }
}
