namespace ModelPipeline.Reports;

/// <summary>One bar of a distribution: a range ("[0, 10)") or a category ("yes") and its share of rows (0..1).</summary>
public sealed record HistogramBin(string Label, double Share);
