namespace ModelPipeline.Reports;

/// <summary>One point of a curve in data coordinates.</summary>
public readonly record struct CurvePoint(double X, double Y);
