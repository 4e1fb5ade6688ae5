using System.Text;

namespace ModelPipeline.Registry;

/// <summary>A plain-text table: left-aligned columns separated by two spaces, a dashed rule under the header, LF line ends.</summary>
internal sealed class PlainTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public string Render()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var s = new StringBuilder();
        Line(s, headers, widths);
        Line(s, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows) Line(s, row, widths);
        return s.ToString();
    }

    private static void Line(StringBuilder s, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i])));
        s.Append(line.TrimEnd()).Append('\n');
    }
}
