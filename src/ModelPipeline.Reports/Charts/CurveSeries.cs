namespace ModelPipeline.Reports;

/// <summary>One named, coloured curve to draw.</summary>
internal sealed record CurveSeries(string Name, Curve Curve, string Color);
