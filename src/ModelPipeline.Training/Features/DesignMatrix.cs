namespace ModelPipeline.Training.Features;

/// <summary>
/// Featurized rows for linear trainers, stored sparsely: dense numeric feature columns plus, per categorical
/// input, the one-hot feature index that is 1 in each row (all other one-hot features are 0).
/// </summary>
internal sealed class DesignMatrix(int rowCount, int featureCount, double[][] numeric, int[] numericFeature, int[][] slots)
{
    public int RowCount { get; } = rowCount;

    /// <summary>Total feature count (numeric features + one-hot slots).</summary>
    public int FeatureCount { get; } = featureCount;

    /// <summary>Transformed values of each numeric feature, by row.</summary>
    public double[][] Numeric { get; } = numeric;

    /// <summary>The feature index of each <see cref="Numeric"/> column.</summary>
    public int[] NumericFeature { get; } = numericFeature;

    /// <summary>Per categorical input, the one-hot feature index that is set in each row.</summary>
    public int[][] Slots { get; } = slots;
}
