namespace ModelPipeline.Training.Trees;

/// <summary>How one tree grows: leaf-wise up to <see cref="MaxLeaves"/> leaves and/or <see cref="MaxDepth"/>.</summary>
internal sealed record GrowthOptions(int? MaxLeaves, int? MaxDepth, int MinSamplesLeaf, double L2, double LearningRate)
{
    /// <summary>A child needs at least this much hessian (as scikit-learn's min_hessian_to_split).</summary>
    public const double MinHessian = 1e-3;

    /// <summary>Categories with fewer rows in a node are left out of its categorical split (they go right).</summary>
    public const int MinCategorySupport = 10;

    /// <summary>Smoothing added to the hessian when ordering categories by gradient/hessian.</summary>
    public const double CategorySmoothing = 10;
}
