namespace ModelPipeline.Registry;

/// <summary>A metric of two versions with <c>To - From</c> (null when the metric is missing on a side).</summary>
public sealed record MetricDelta(string Name, double? From, double? To)
{
    /// <summary><c>To - From</c>, or null when either side is missing.</summary>
    public double? Delta => From is { } a && To is { } b ? b - a : null;
}
