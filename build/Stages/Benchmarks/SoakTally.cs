namespace ModelPipeline.Build;

/// <summary>The counts, latencies and RSS samples of one stretch of the soak, filled concurrently.</summary>
internal sealed class SoakTally
{
    public long Sent;
    public long Expected;
    public long ServerErrors;
    public long Unexpected;
    public long Failed;
    public long Late;

    private readonly List<double> _single = [];
    private readonly List<double> _batch = [];
    private long _lastRss;
    private long _peakRss;

    /// <summary>The latency of a request answered as expected; only single-row and batch requests are kept.</summary>
    public void Latency(string kind, double milliseconds)
    {
        var list = kind switch
        {
            SoakRequest.Single => _single,
            SoakRequest.Batch => _batch,
            _ => null,
        };
        if (list is not null)
        {
            lock (list)
            {
                list.Add(milliseconds);
            }
        }
    }

    public void Sample(long? rss)
    {
        if (rss is { } bytes)
        {
            Interlocked.Exchange(ref _lastRss, bytes);
            long peak;
            while (bytes > (peak = Interlocked.Read(ref _peakRss)) && Interlocked.CompareExchange(ref _peakRss, bytes, peak) != peak)
            {
            }
        }
    }

    public SoakWindow Window(int index, double seconds)
    {
        lock (_single)
        {
            lock (_batch)
            {
                return new SoakWindow(index, seconds, Sent, Expected, ServerErrors, Unexpected, Failed, Late,
                    Percentile(_single, 0.50), Percentile(_single, 0.99), Percentile(_batch, 0.99),
                    Interlocked.Read(ref _lastRss) / 1048576.0, Interlocked.Read(ref _peakRss) / 1048576.0);
            }
        }
    }

    /// <summary>The nearest-rank percentile; 0 when there are no values.</summary>
    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        return values[Math.Max(0, (int)Math.Ceiling(p * values.Count) - 1)];
    }
}
