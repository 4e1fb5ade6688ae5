namespace ModelPipeline.Reports;

/// <summary>A confidence interval [<paramref name="Low"/>, <paramref name="High"/>] around a metric.</summary>
public readonly record struct Interval(double Low, double High);
