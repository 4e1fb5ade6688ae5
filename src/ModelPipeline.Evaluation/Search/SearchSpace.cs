namespace ModelPipeline.Evaluation;

/// <summary>The trainer parameters a search varies; parameters not listed keep the base spec's values.</summary>
public sealed record SearchSpace(IReadOnlyList<SearchDimension> Dimensions)
{
    /// <summary>How many combinations a full grid has.</summary>
    public long GridSize => Dimensions.Aggregate(1L, (size, d) => size * d.GridValues().Count);
}
