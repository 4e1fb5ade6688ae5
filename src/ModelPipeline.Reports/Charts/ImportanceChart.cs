namespace ModelPipeline.Reports;

/// <summary>
/// One row per input (the most important first, at most <see cref="MaxInputs"/>): a bar per model for the loss of the
/// primary metric when the input is shuffled, with a whisker of ± one standard deviation over the repeats. One scale
/// for all rows: the losses share the primary metric's units.
/// </summary>
internal static class ImportanceChart
{
    public const int MaxInputs = 15;

    private const double LabelWidth = 170;
    private const double ValueWidth = 80;
    private const double BarHeight = 12;
    private const double RowGap = 10;

    public static string Render(IReadOnlyList<ImportanceShift> shifts, ModelSide challenger, ModelSide? champion, string metric)
    {
        var rows = shifts.Take(MaxInputs).ToList();
        var sides = champion?.Importance is null
            ? new[] { (Label: challenger.Label, Color: Palette.Challenger, Pick: (Func<ImportanceShift, ImportanceRow?>)(s => s.Challenger)) }
            : [(challenger.Label, Palette.Challenger, s => s.Challenger), (champion.Label, Palette.Champion, s => s.Champion)];
        var rowHeight = (sides.Length * (BarHeight + 3)) + RowGap;
        const double width = 1000;
        var height = 40 + (rows.Count * rowHeight);
        var svg = new SvgWriter(width, height, $"Loss of {metric} when each input is shuffled");
        var left = LabelWidth;
        var right = width - ValueWidth;
        var values = rows.SelectMany(r => sides.Select(s => s.Pick(r)).OfType<ImportanceRow>())
            .SelectMany(r => new[] { r.Loss - r.Spread, r.Loss + r.Spread }).Where(double.IsFinite).ToList();
        var ticks = Ticks.Cover(Math.Min(0, values.DefaultIfEmpty(0).Min()), Math.Max(0, values.DefaultIfEmpty(0).Max()) is var max && max > 0 ? max : 1, 4);
        var scale = new LinearScale(ticks.Min, ticks.Max, left, right);

        svg.Legend(left, sides.Select(s => (s.Label, s.Color)));

        var zero = scale.Map(0);
        svg.Line(zero, 30, zero, height - 4, "axis");
        for (var i = 0; i < rows.Count; i++)
        {
            var top = 34 + (i * rowHeight);
            svg.Text(left - 10, top + (sides.Length * (BarHeight + 3) / 2) + 3, rows[i].Input, "end", "label strong");
            for (var s = 0; s < sides.Length; s++)
            {
                var (label, color, pick) = sides[s];
                var y = top + (s * (BarHeight + 3));
                if (pick(rows[i]) is not { } row)
                {
                    svg.Text(left + 4, y + BarHeight - 2, "not an input of this model", "start", "tick");
                    continue;
                }

                var end = scale.MapClamped(row.Loss);
                svg.Rect(Math.Min(zero, end), y, Math.Abs(end - zero), BarHeight, color, "bar",
                    $"{label}: shuffling {row.Input} costs {Numbers.Metric(row.Loss)} {metric} (± {Numbers.Metric(row.Spread)})");
                if (row.Spread > 0)
                {
                    var low = scale.MapClamped(row.Loss - row.Spread);
                    var high = scale.MapClamped(row.Loss + row.Spread);
                    svg.Whisker(low, high, y + (BarHeight / 2), 4);
                }

                svg.Text(right + 8, y + BarHeight - 2, Numbers.Metric(row.Loss), "start", "value");
            }
        }

        return svg.ToString();
    }
}
