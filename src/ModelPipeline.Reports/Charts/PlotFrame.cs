namespace ModelPipeline.Reports;

/// <summary>A chart's plot area: margins, the two scales, and the axes with ticks, grid lines and labels.</summary>
internal sealed class PlotFrame
{
    public PlotFrame(SvgWriter svg, Ticks x, Ticks y, double left = 64, double right = 20, double top = 16, double bottom = 52)
    {
        Svg = svg;
        XTicks = x;
        YTicks = y;
        Left = left;
        Right = svg.Width - right;
        Top = top;
        Bottom = svg.Height - bottom;
        X = new LinearScale(x.Min, x.Max, Left, Right);
        Y = new LinearScale(y.Min, y.Max, Bottom, Top);
    }

    public SvgWriter Svg { get; }

    public Ticks XTicks { get; }

    public Ticks YTicks { get; }

    public double Left { get; }

    public double Right { get; }

    public double Top { get; }

    public double Bottom { get; }

    public LinearScale X { get; }

    public LinearScale Y { get; }

    /// <summary>Grid lines, tick labels on both axes, and the axis titles.</summary>
    public void DrawAxes(string xTitle, string yTitle, bool numericX = true)
    {
        foreach (var tick in YTicks.Values)
        {
            var y = Y.Map(tick);
            Svg.Line(Left, y, Right, y, "grid-line");
            Svg.Text(Left - 8, y + 4, Numbers.Tick(tick, YTicks.Step), "end", "tick");
        }

        if (numericX)
        {
            foreach (var tick in XTicks.Values)
            {
                var x = X.Map(tick);
                Svg.Line(x, Top, x, Bottom, "grid-line");
                Svg.Line(x, Bottom, x, Bottom + 5, "axis");
                Svg.Text(x, Bottom + 19, Numbers.Tick(tick, XTicks.Step), "middle", "tick");
            }
        }

        Svg.Line(Left, Bottom, Right, Bottom, "axis");
        Svg.Line(Left, Top, Left, Bottom, "axis");
        Svg.Text((Left + Right) / 2, Svg.Height - 10, xTitle, "middle", "axis-title");
        Svg.Text(16, (Top + Bottom) / 2, yTitle, "middle", "axis-title", -90);
    }

    /// <summary>A legend box in the bottom-right or bottom-left corner of the plot area; entries are (name, colour, dashed).</summary>
    public void Legend(IReadOnlyList<(string Name, string Color, bool Dashed)> entries, bool bottomRight = true)
    {
        const double rowHeight = 20;
        var width = Math.Min(Right - Left - 16, 36 + (entries.Max(e => e.Name.Length) * 7.2));
        var height = (entries.Count * rowHeight) + 8;
        var x = bottomRight ? Right - width - 8 : Left + 8;
        var y = Bottom - height - 8;
        Svg.Rect(x, y, width, height, "#ffffff", "legend-box");
        for (var i = 0; i < entries.Count; i++)
        {
            var rowY = y + 4 + (i * rowHeight) + (rowHeight / 2);
            Svg.Line(x + 8, rowY, x + 28, rowY, "legend-line", entries[i].Color, entries[i].Dashed ? "5 4" : null);
            Svg.Text(x + 34, rowY + 4, entries[i].Name, "start", "legend");
        }
    }
}
