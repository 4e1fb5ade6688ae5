namespace ModelPipeline.Reports;

/// <summary>Reference vs current distribution of one feature as paired bars, one pair per bin.</summary>
internal static class DistributionChart
{
    public const int MaxBins = 30;

    public static string Render(FeatureDriftRow feature)
    {
        var bins = PairBins(feature.Reference, feature.Current);
        var svg = new SvgWriter(480, 300, $"Distribution of {feature.Name}: reference vs current");
        var max = bins.Select(b => Math.Max(b.Reference, b.Current)).DefaultIfEmpty(0.01).Max();
        var y = Ticks.Cover(0, Math.Max(max, 0.01), 4);
        var x = new Ticks(0, Math.Max(1, bins.Count), 1, []);
        var frame = new PlotFrame(svg, x, y, left: 56, bottom: 64, top: 34);
        foreach (var tick in y.Values)
        {
            var py = frame.Y.Map(tick);
            svg.Line(frame.Left, py, frame.Right, py, "grid-line");
            svg.Text(frame.Left - 8, py + 4, Numbers.Percent(tick), "end", "tick");
        }

        var slot = (frame.Right - frame.Left) / Math.Max(1, bins.Count);
        var barWidth = Math.Max(1, (slot * 0.8) / 2);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(bins.Count / 10.0));
        for (var i = 0; i < bins.Count; i++)
        {
            var left = frame.Left + (i * slot) + (slot * 0.1);
            var bin = bins[i];
            svg.Rect(left, frame.Y.Map(bin.Reference), barWidth, frame.Bottom - frame.Y.Map(bin.Reference), Palette.Reference, "bar",
                $"{bin.Label}: reference {Numbers.Percent(bin.Reference)}");
            svg.Rect(left + barWidth, frame.Y.Map(bin.Current), barWidth, frame.Bottom - frame.Y.Map(bin.Current), Palette.Current, "bar",
                $"{bin.Label}: current {Numbers.Percent(bin.Current)}");
            if (i % labelEvery == 0)
            {
                var label = bin.Label.Length <= 12 ? bin.Label : bin.Label[..11] + "…";
                svg.Text(left + barWidth, frame.Bottom + 14, label, "end", "tick", -35);
            }
        }

        svg.Line(frame.Left, frame.Bottom, frame.Right, frame.Bottom, "axis");
        svg.Rect(frame.Left, 10, 12, 12, Palette.Reference);
        svg.Text(frame.Left + 18, 20, "reference", "start", "legend");
        svg.Rect(frame.Left + 110, 10, 12, 12, Palette.Current);
        svg.Text(frame.Left + 128, 20, "current", "start", "legend");
        return svg.ToString();
    }

    /// <summary>Bins by label in reference order, then current-only labels; the largest <paramref name="maxBins"/> kept.</summary>
    internal static IReadOnlyList<(string Label, double Reference, double Current)> PairBins(
        IReadOnlyList<HistogramBin> reference, IReadOnlyList<HistogramBin> current, int maxBins = MaxBins)
    {
        var labels = reference.Select(b => b.Label).Concat(current.Select(b => b.Label)).Distinct().ToList();
        var refShare = reference.GroupBy(b => b.Label).ToDictionary(g => g.Key, g => g.Sum(b => b.Share));
        var curShare = current.GroupBy(b => b.Label).ToDictionary(g => g.Key, g => g.Sum(b => b.Share));
        var pairs = labels.Select(l => (Label: l, Reference: refShare.GetValueOrDefault(l), Current: curShare.GetValueOrDefault(l))).ToList();
        if (pairs.Count <= maxBins)
        {
            return pairs;
        }

        var keep = pairs.OrderByDescending(p => Math.Max(p.Reference, p.Current)).Take(maxBins - 1).Select(p => p.Label).ToHashSet();
        var kept = pairs.Where(p => keep.Contains(p.Label)).ToList();
        var rest = pairs.Where(p => !keep.Contains(p.Label)).ToList();
        kept.Add(($"other ({rest.Count})", rest.Sum(p => p.Reference), rest.Sum(p => p.Current)));
        return kept;
    }
}
