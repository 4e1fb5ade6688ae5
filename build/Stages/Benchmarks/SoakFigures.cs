namespace ModelPipeline.Build;

/// <summary>
/// A soak's figures: the mix's maximum throughput (the probe, closed loop), the paced rate (a share of it), the
/// warm-up and the measured windows, the first failures seen (5xx, an unexpected status, a request that failed), and the load
/// average before and after.
/// </summary>
internal sealed record SoakFigures(
    IReadOnlyList<SoakRequest> Mix,
    double MaxRequestsPerSecond,
    double TargetRequestsPerSecond,
    SoakWindow Probe,
    SoakWindow WarmUp,
    IReadOnlyList<SoakWindow> Windows,
    IReadOnlyList<string> FirstFailures,
    string LoadBefore,
    string LoadAfter,
    DateTimeOffset Date)
{
    public long ServerErrors => Probe.ServerErrors + WarmUp.ServerErrors + Windows.Sum(w => w.ServerErrors);

    public long Unexpected => Probe.Unexpected + WarmUp.Unexpected + Windows.Sum(w => w.Unexpected);

    public long Failed => Probe.Failed + WarmUp.Failed + Windows.Sum(w => w.Failed);

    /// <summary>RSS at the end of the last window against the end of the first, in percent.</summary>
    public double RssGrowthPercent => Windows.Count == 0 || Windows[0].RssMiB <= 0 ? 0 : (Windows[^1].RssMiB / Windows[0].RssMiB - 1) * 100;

    /// <summary>
    /// The highest RSS sample of the windows after the first against the first's end, in percent (the first window's
    /// own samples start where the warm-up ends, so they hold its last transient).
    /// </summary>
    public double PeakRssGrowthPercent => Windows.Count < 2 || Windows[0].RssMiB <= 0 ? 0 : (Windows.Skip(1).Max(w => w.PeakRssMiB) / Windows[0].RssMiB - 1) * 100;

    /// <summary>The highest window's single-row p99 over the lowest's.</summary>
    public double P99Spread
    {
        get
        {
            var p99 = Windows.Select(w => w.SingleP99Milliseconds).Where(p => p > 0).ToList();
            return p99.Count == 0 ? 0 : p99.Max() / p99.Min();
        }
    }
}
