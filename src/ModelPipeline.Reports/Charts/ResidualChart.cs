namespace ModelPipeline.Reports;

/// <summary>Predicted vs actual scatter of a regression model with the identity line (perfect predictions).</summary>
internal static class ResidualChart
{
    public const int MaxPoints = 1500;

    public static string Render(string label, IReadOnlyList<ResidualPoint> residuals, string color)
    {
        var svg = new SvgWriter(480, 420, $"Predicted vs actual, {label}");
        var sample = Sample(residuals.Where(r => double.IsFinite(r.Predicted) && double.IsFinite(r.Actual)).ToArray());
        var all = sample.SelectMany(r => new[] { r.Predicted, r.Actual }).DefaultIfEmpty(0).ToArray();
        var ticks = Ticks.Cover(all.Min(), all.Max(), 5);
        var frame = new PlotFrame(svg, ticks, ticks);
        frame.DrawAxes("Predicted", "Actual");
        svg.Line(frame.X.Map(ticks.Min), frame.Y.Map(ticks.Min), frame.X.Map(ticks.Max), frame.Y.Map(ticks.Max), "diagonal", Palette.Neutral, "4 4");
        foreach (var r in sample)
        {
            svg.Circle(frame.X.Map(r.Predicted), frame.Y.Map(r.Actual), 2.6, color, "dot");
        }

        frame.Legend([(label, color, false), ("perfect prediction", Palette.Neutral, true)], bottomRight: true);
        return svg.ToString();
    }

    /// <summary>Every k-th point, so at most <see cref="MaxPoints"/> are drawn and the sample is deterministic.</summary>
    private static IReadOnlyList<ResidualPoint> Sample(IReadOnlyList<ResidualPoint> points)
    {
        if (points.Count <= MaxPoints)
        {
            return points;
        }

        var step = (double)points.Count / MaxPoints;
        return Enumerable.Range(0, MaxPoints).Select(i => points[(int)(i * step)]).ToArray();
    }
}
