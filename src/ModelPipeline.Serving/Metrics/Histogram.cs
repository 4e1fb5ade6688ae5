namespace ModelPipeline.Serving.Metrics;

/// <summary>A Prometheus histogram: lock-free counts per bucket (upper bounds, +Inf implied), sum and count.</summary>
internal sealed class Histogram
{
    private readonly long[] _counts;
    private double _sum;

    public Histogram(double[] upperBounds)
    {
        UpperBounds = upperBounds;
        _counts = new long[upperBounds.Length + 1];
    }

    public double[] UpperBounds { get; }

    public long Count
    {
        get
        {
            long total = 0;
            foreach (ref readonly var c in _counts.AsSpan())
            {
                total += Volatile.Read(in c);
            }

            return total;
        }
    }

    public double Sum => Volatile.Read(ref _sum);

    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        var bucket = Array.BinarySearch(UpperBounds, value);
        bucket = bucket >= 0 ? bucket : ~bucket;
        Interlocked.Increment(ref _counts[bucket]);
        if (double.IsFinite(value))
        {
            AtomicDouble.Add(ref _sum, value);
        }
    }

    /// <summary>Writes the <c>_bucket</c> (cumulative), <c>_sum</c> and <c>_count</c> series; labels without braces.</summary>
    public void Write(PrometheusText text, string name, string labels)
    {
        var sep = labels.Length == 0 ? string.Empty : ",";
        long cumulative = 0;
        for (var i = 0; i < UpperBounds.Length; i++)
        {
            cumulative += Volatile.Read(ref _counts[i]);
            text.Sample($"{name}_bucket", $"{labels}{sep}le=\"{PrometheusText.Number(UpperBounds[i])}\"", cumulative);
        }

        cumulative += Volatile.Read(ref _counts[^1]);
        text.Sample($"{name}_bucket", $"{labels}{sep}le=\"+Inf\"", cumulative);
        text.Sample($"{name}_sum", labels, Sum);
        text.Sample($"{name}_count", labels, cumulative);
    }
}
