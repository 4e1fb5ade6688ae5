namespace ModelPipeline.Reports;

/// <summary>Maps a data interval onto a pixel interval.</summary>
internal readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double value)
    {
        var span = DomainMax - DomainMin;
        var t = span == 0 ? 0.5 : (value - DomainMin) / span;
        return RangeMin + (t * (RangeMax - RangeMin));
    }

    /// <summary>Maps and clamps into the pixel interval, so out-of-range data stays inside the plot.</summary>
    public double MapClamped(double value)
    {
        var low = Math.Min(RangeMin, RangeMax);
        var high = Math.Max(RangeMin, RangeMax);
        return Math.Clamp(Map(value), low, high);
    }
}
