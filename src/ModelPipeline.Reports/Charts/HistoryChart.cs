namespace ModelPipeline.Reports;

/// <summary>The primary metric of every version, oldest to newest, champion ringed and labelled.</summary>
internal static class HistoryChart
{
    public static string Render(IReadOnlyList<VersionPoint> history, string metric, string? challengerVersion)
    {
        var svg = new SvgWriter(1000, 340, $"{metric} across versions");
        var finite = history.Where(p => double.IsFinite(p.Value)).Select(p => p.Value).DefaultIfEmpty(0).ToArray();
        var spread = finite.Max() - finite.Min();
        var y = Ticks.Spanning(finite.Min() - (spread * 0.1), finite.Max() + (spread * 0.1), 5);
        var x = new Ticks(-0.5, Math.Max(0.5, history.Count - 0.5), 1, []);
        var frame = new PlotFrame(svg, x, y, left: 72, bottom: 60);
        frame.DrawAxes("Model version", metric, numericX: false);

        foreach (var i in LabelledVersions(history))
        {
            var px = frame.X.Map(i);
            svg.Line(px, frame.Bottom, px, frame.Bottom + 5, "axis");
            svg.Text(px, frame.Bottom + 19, Shorten(history[i].Version), "middle", "tick");
        }

        var champion = CurrentChampion(history);
        var points = Enumerable.Range(0, history.Count)
            .Where(i => double.IsFinite(history[i].Value))
            .Select(i => (Index: i, Point: history[i], X: frame.X.Map(i)))
            .ToList();
        svg.Polyline(points.Select(p => (p.X, frame.Y.Map(p.Point.Value))), Palette.Neutral, "series history-line");
        foreach (var (index, point, px) in points)
        {
            var py = frame.Y.Map(point.Value);
            var role = index == champion ? " (champion)" : point.IsChampion ? " (former champion)" : string.Empty;
            var tooltip = $"{point.Version}: {metric} = {Numbers.Metric(point.Value)}{role}";
            var isChallenger = challengerVersion is not null && point.Version == challengerVersion;
            if (index == champion)
            {
                svg.Circle(px, py, 9, "none", "champion-ring");
                svg.Circle(px, py, 5.5, Palette.Champion, "point", tooltip);
                svg.Text(px, py - 14, "champion " + Numbers.Metric(point.Value), Anchor(frame, px), "annotation", fill: Palette.Champion);
                continue;
            }

            if (point.IsChampion)
            {
                svg.Circle(px, py, 9, "none", "champion-ring former");
            }

            svg.Circle(px, py, isChallenger ? 5.5 : history.Count > 60 ? 2.5 : 4, isChallenger ? Palette.Challenger : Palette.Neutral, "point", tooltip);
            if (isChallenger)
            {
                svg.Text(px, py - 12, "challenger " + Numbers.Metric(point.Value), Anchor(frame, px), "annotation", fill: Palette.Challenger);
            }
        }

        return svg.ToString();
    }

    /// <summary>
    /// At most about 12 version labels: the champion's and the newest always, then evenly spaced ones that keep
    /// a gap from those already chosen, so labels never overlap.
    /// </summary>
    internal static IReadOnlyList<int> LabelledVersions(IReadOnlyList<VersionPoint> history)
    {
        var every = Math.Max(1, (int)Math.Ceiling(history.Count / 12.0));
        var priority = new List<int> { history.Count - 1 };
        priority.Add(CurrentChampion(history));
        priority.AddRange(Enumerable.Range(0, history.Count).Where(i => i % every == 0));
        var chosen = new List<int>();
        foreach (var i in priority.Where(i => i >= 0).Distinct())
        {
            if (chosen.All(c => Math.Abs(c - i) * 1.25 >= every))
            {
                chosen.Add(i);
            }
        }

        chosen.Sort();
        return chosen;
    }

    /// <summary>
    /// The newest version flagged as champion, or -1. When a decision promotes the challenger, both it and the
    /// previous champion may be flagged: the newer one is the champion now, the older is drawn as former champion.
    /// </summary>
    internal static int CurrentChampion(IReadOnlyList<VersionPoint> history)
    {
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i].IsChampion && double.IsFinite(history[i].Value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Keeps annotations near the plot's edges inside the chart.</summary>
    private static string Anchor(PlotFrame frame, double x) =>
        x > frame.Right - 90 ? "end" : x < frame.Left + 90 ? "start" : "middle";

    private static string Shorten(string version) => version.Length <= 14 ? version : version[..13] + "…";
}
