namespace ModelPipeline.Registry;

/// <summary>A lineage field that differs between two versions, e.g. <c>data_hash</c> or <c>data_file train.csv</c>.</summary>
public sealed record LineageChange(string Field, string? From, string? To);
