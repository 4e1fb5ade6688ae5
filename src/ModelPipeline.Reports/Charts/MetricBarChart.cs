namespace ModelPipeline.Reports;

/// <summary>
/// One row per metric: a bar per model with its confidence-interval whisker. Each row has its own scale
/// (metrics differ in units), starting at zero unless values are negative.
/// </summary>
internal static class MetricBarChart
{
    private const double LabelWidth = 150;
    private const double ValueWidth = 70;
    private const double BarHeight = 14;
    private const double RowGap = 16;

    public static string Render(IReadOnlyList<string> metrics, ModelSide challenger, ModelSide? champion)
    {
        var sides = champion is null
            ? new[] { (Side: challenger, Color: Palette.Challenger) }
            : [(challenger, Palette.Challenger), (champion, Palette.Champion)];
        var rowHeight = (sides.Length * (BarHeight + 4)) + RowGap;
        const double width = 1000;
        var height = 34 + (metrics.Count * rowHeight);
        var svg = new SvgWriter(width, height, "Metrics with confidence intervals");
        var left = LabelWidth;
        var right = width - ValueWidth;

        svg.Legend(left, sides.Select(s => (s.Side.Label, s.Color)));

        for (var m = 0; m < metrics.Count; m++)
        {
            var metric = metrics[m];
            var top = 34 + (m * rowHeight);
            var scale = ScaleFor(metric, sides.Select(s => s.Side).ToArray(), left, right);
            svg.Text(left - 10, top + (sides.Length * (BarHeight + 4) / 2) + 3, metric, "end", "label strong");
            svg.Line(scale.Map(Math.Max(0, scale.DomainMin)), top - 2, scale.Map(Math.Max(0, scale.DomainMin)), top + (sides.Length * (BarHeight + 4)), "axis");
            for (var s = 0; s < sides.Length; s++)
            {
                var (side, color) = sides[s];
                var y = top + (s * (BarHeight + 4));
                svg.Rect(scale.Map(scale.DomainMin), y, scale.Map(scale.DomainMax) - scale.Map(scale.DomainMin), BarHeight, "#f0f3f6");
                if (!side.Metrics.TryGetValue(metric, out var value) || !double.IsFinite(value))
                {
                    svg.Text(left + 4, y + BarHeight - 3, "not measured", "start", "tick");
                    continue;
                }

                var zero = scale.Map(Math.Clamp(0, scale.DomainMin, scale.DomainMax));
                var end = scale.MapClamped(value);
                var hasInterval = side.Intervals.TryGetValue(metric, out var interval) && double.IsFinite(interval.Low) && double.IsFinite(interval.High);
                var tooltip = $"{side.Label} {metric} = {Numbers.Metric(value)}"
                    + (hasInterval ? $" (CI {Numbers.Metric(interval.Low)} – {Numbers.Metric(interval.High)})" : string.Empty);
                svg.Rect(Math.Min(zero, end), y, Math.Abs(end - zero), BarHeight, color, "bar", tooltip);
                if (hasInterval)
                {
                    var low = scale.MapClamped(interval.Low);
                    var high = scale.MapClamped(interval.High);
                    svg.Whisker(low, high, y + (BarHeight / 2), 5);
                }

                svg.Text(right + 8, y + BarHeight - 3, Numbers.Metric(value), "start", "value");
            }
        }

        return svg.ToString();
    }

    private static LinearScale ScaleFor(string metric, IReadOnlyList<ModelSide> sides, double left, double right)
    {
        var values = new List<double>();
        foreach (var side in sides)
        {
            if (side.Metrics.TryGetValue(metric, out var v) && double.IsFinite(v))
            {
                values.Add(v);
            }

            if (side.Intervals.TryGetValue(metric, out var ci))
            {
                values.AddRange(new[] { ci.Low, ci.High }.Where(double.IsFinite));
            }
        }

        var min = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var max = Math.Max(0, values.DefaultIfEmpty(1).Max());
        if (min >= 0 && max <= 1)
        {
            max = 1;
        }

        var ticks = Ticks.Cover(min, max, 4);
        return new LinearScale(ticks.Min, ticks.Max, left, right);
    }
}
