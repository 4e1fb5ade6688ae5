namespace ModelPipeline.Training.Trees;

/// <summary>
/// Per feature and bin (256 per feature, the last for missing values): the sums of gradients and hessians and the
/// row count of one tree node. A child's histogram is built from its rows or derived as parent − sibling.
/// </summary>
internal sealed class NodeHistogram(int features)
{
    public const int BinsPerFeature = 256;

    public double[] Gradients { get; } = new double[features * BinsPerFeature];

    public double[] Hessians { get; } = new double[features * BinsPerFeature];

    public int[] Counts { get; } = new int[features * BinsPerFeature];

    /// <summary>Turns this (a parent's histogram) into its other child's: this − <paramref name="sibling"/>.</summary>
    public void SubtractInPlace(NodeHistogram sibling)
    {
        for (var i = 0; i < Gradients.Length; i++)
        {
            Gradients[i] -= sibling.Gradients[i];
            Hessians[i] -= sibling.Hessians[i];
            Counts[i] -= sibling.Counts[i];
        }
    }
}
