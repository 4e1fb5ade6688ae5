namespace ModelPipeline.Reports;

/// <summary>
/// One row per candidate, best first: its cross-validation mean as a dot with a ± one standard deviation whisker,
/// coloured by trainer; the chosen candidate's row is highlighted. One scale for all rows (they share the metric).
/// </summary>
internal static class LeaderboardChart
{
    private const double LabelWidth = 230;
    private const double ValueWidth = 120;
    private const double RowHeight = 18;
    private const double Top = 34;

    public static string Render(Leaderboard leaderboard)
    {
        var rows = leaderboard.Rows.Where(r => double.IsFinite(r.Mean)).ToArray();
        const double width = 1000;
        var height = Top + (rows.Length * RowHeight) + 24;
        var svg = new SvgWriter(width, height, $"Candidates by cross-validated {leaderboard.Metric}");
        var trainers = rows.Select(r => r.Trainer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var legendX = LabelWidth;
        foreach (var trainer in trainers)
        {
            svg.Circle(legendX + 6, 14, 5, ColorOf(trainer, trainers));
            svg.Text(legendX + 16, 18, trainer, "start", "legend");
            legendX += 40 + (trainer.Length * 7.2);
        }

        if (rows.Length == 0)
        {
            return svg.ToString();
        }

        var low = rows.Min(r => r.Mean - (double.IsFinite(r.Spread) ? r.Spread : 0));
        var high = rows.Max(r => r.Mean + (double.IsFinite(r.Spread) ? r.Spread : 0));
        if (!(high > low))
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var ticks = Ticks.Cover(low, high, 5);
        var scale = new LinearScale(ticks.Min, ticks.Max, LabelWidth, width - ValueWidth);
        var bottom = Top + (rows.Length * RowHeight);
        foreach (var tick in ticks.Values)
        {
            svg.Line(scale.Map(tick), Top - 4, scale.Map(tick), bottom, "grid-line");
            svg.Text(scale.Map(tick), bottom + 16, Numbers.Tick(tick, ticks.Step), "middle", "tick");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight) + (RowHeight / 2);
            if (row.Chosen)
            {
                svg.Rect(0, y - (RowHeight / 2), width, RowHeight, "#fff8c5");
            }

            svg.Text(LabelWidth - 10, y + 4, $"#{row.Index} {row.Trainer}", "end", row.Chosen ? "label strong" : "label");
            var color = ColorOf(row.Trainer, trainers);
            if (double.IsFinite(row.Spread) && row.Spread > 0)
            {
                svg.Line(scale.MapClamped(row.Mean - row.Spread), y, scale.MapClamped(row.Mean + row.Spread), y, "whisker", color);
            }

            svg.Circle(scale.MapClamped(row.Mean), y, 4.5, color, "dot",
                $"#{row.Index} {row.Trainer} {row.Parameters} ({row.Stage}): {leaderboard.Metric} {Numbers.Metric(row.Mean)} ± {Numbers.Metric(row.Spread)}");
            svg.Text(width - ValueWidth + 8, y + 4, $"{Numbers.Metric(row.Mean)} ± {Numbers.Metric(row.Spread)}", "start", "value");
        }

        return svg.ToString();
    }

    private static string ColorOf(string trainer, string[] trainers) =>
        (Array.IndexOf(trainers, trainer) % 3) switch
        {
            0 => Palette.Challenger,
            1 => Palette.Champion,
            _ => Palette.Good,
        };
}
