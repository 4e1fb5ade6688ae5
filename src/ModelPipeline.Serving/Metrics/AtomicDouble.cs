namespace ModelPipeline.Serving.Metrics;

/// <summary>Lock-free addition to a double field (compare-and-swap on its bits, so NaN cannot spin forever).</summary>
internal static class AtomicDouble
{
    public static void Add(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref target, current + value, current);
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}
