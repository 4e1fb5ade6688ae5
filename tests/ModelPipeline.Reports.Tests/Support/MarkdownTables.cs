using System.Text.RegularExpressions;

namespace ModelPipeline.Reports.Tests;

/// <summary>Checks GitHub-flavoured Markdown tables the way GitHub parses them: header, delimiter row, equal cell counts.</summary>
internal static partial class MarkdownTables
{
    /// <summary>Every table as its lines; asserts each is well-formed.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> AssertWellFormed(string markdown)
    {
        var tables = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in markdown.Split('\n').Append(string.Empty))
        {
            if (line.StartsWith('|'))
            {
                current.Add(line);
                continue;
            }

            if (current.Count > 0)
            {
                tables.Add(current);
                current = [];
            }
        }

        foreach (var table in tables)
        {
            Assert.True(table.Count >= 2, "a table needs a header and a delimiter row: " + table[0]);
            Assert.Matches(DelimiterRow(), table[1]);
            var cells = Cells(table[0]);
            Assert.All(table, row => Assert.True(Cells(row) == cells, $"row has {Cells(row)} cells, header {cells}: {row}"));
        }

        return tables;
    }

    /// <summary>Cells of a row: pipes not escaped with a backslash, minus the outer two.</summary>
    public static int Cells(string row) => UnescapedPipe().Count(row.TrimEnd()) - 1;

    [GeneratedRegex("^\\|(\\s*:?-{3,}:?\\s*\\|)+$")]
    private static partial Regex DelimiterRow();

    [GeneratedRegex("(?<!\\\\)\\|")]
    private static partial Regex UnescapedPipe();
}
