namespace ModelPipeline.Training.Features;

/// <summary>
/// Featurized rows for linear trainers, stored sparsely: numeric feature columns plus, per categorical input, the
/// one-hot feature index that is 1 in each row (all other one-hot features are 0). A numeric column holds the input's
/// own values (missing ones filled: a copy only when some are missing); its feature value is
/// <c>(x - Centers[j]) / Scales[j]</c>, computed where it is used (<see cref="Value"/>), so a 2.4M-row fit does not
/// keep a second, scaled copy of every numeric input.
/// </summary>
internal sealed class DesignMatrix(int rowCount, int featureCount, double[][] numeric, int[] numericFeature, double[] centers, double[] scales, int[][] slots)
{
    public int RowCount { get; } = rowCount;

    /// <summary>Total feature count (numeric features + one-hot slots).</summary>
    public int FeatureCount { get; } = featureCount;

    /// <summary>Each numeric input's values by row, missing values filled (before centering and scaling).</summary>
    public double[][] Numeric { get; } = numeric;

    /// <summary>The feature index of each <see cref="Numeric"/> column.</summary>
    public int[] NumericFeature { get; } = numericFeature;

    public double[] Centers { get; } = centers;

    public double[] Scales { get; } = scales;

    /// <summary>Per categorical input, the one-hot feature index that is set in each row.</summary>
    public int[][] Slots { get; } = slots;

    /// <summary>The feature value of numeric column <paramref name="j"/> in <paramref name="row"/>.</summary>
    public double Value(int j, int row) => (Numeric[j][row] - Centers[j]) / Scales[j];

    /// <summary>Each feature's mean over the rows, as the weights see it (scaled numeric value, one-hot slot frequency); summed in row order.</summary>
    public double[] FeatureMeans()
    {
        var means = new double[FeatureCount];
        for (var j = 0; j < Numeric.Length; j++)
        {
            var sum = 0.0;
            for (var row = 0; row < RowCount; row++)
            {
                sum += Value(j, row);
            }

            means[NumericFeature[j]] = sum / RowCount;
        }

        foreach (var slots in Slots)
        {
            foreach (var slot in slots)
            {
                means[slot]++;
            }
        }

        for (var s = 0; s < FeatureCount; s++)
        {
            if (!NumericFeature.Contains(s))
            {
                means[s] /= RowCount;
            }
        }

        return means;
    }
}
