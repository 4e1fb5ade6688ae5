namespace ModelPipeline.Reports;

/// <summary>ROC and precision-recall charts: unit square axes, one line per model, a legend with AUC.</summary>
internal static class CurveChart
{
    public static string Roc(IReadOnlyList<CurveSeries> series) =>
        Render("ROC curve", "False positive rate", "True positive rate", series, "AUC", diagonal: true, legendBottomRight: true);

    public static string PrecisionRecall(IReadOnlyList<CurveSeries> series) =>
        Render("Precision-recall curve", "Recall", "Precision", series, "area", diagonal: false, legendBottomRight: false);

    private static string Render(string title, string xTitle, string yTitle, IReadOnlyList<CurveSeries> series, string areaName, bool diagonal, bool legendBottomRight)
    {
        var svg = new SvgWriter(480, 420, title);
        var unit = Ticks.Cover(0, 1, 5);
        var frame = new PlotFrame(svg, unit, unit);
        frame.DrawAxes(xTitle, yTitle);
        if (diagonal)
        {
            svg.Line(frame.X.Map(0), frame.Y.Map(0), frame.X.Map(1), frame.Y.Map(1), "diagonal", Palette.Neutral, "4 4");
        }

        foreach (var s in series)
        {
            var points = Downsampler.Reduce(s.Curve.Points);
            svg.Polyline(points.Select(p => (frame.X.MapClamped(p.X), frame.Y.MapClamped(p.Y))), s.Color);
        }

        var legend = series
            .Select(s => (s.Curve.Area is { } area ? $"{s.Name} ({areaName} {Numbers.Metric(area)})" : s.Name, s.Color, false))
            .ToList();
        if (diagonal)
        {
            legend.Add(("chance", Palette.Neutral, true));
        }

        frame.Legend(legend, legendBottomRight);
        return svg.ToString();
    }
}
