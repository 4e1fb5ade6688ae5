namespace ModelPipeline.Training.Trees;

/// <summary>Adds one tree's leaf values to a block of rows' scores (the hot loop of batch prediction).</summary>
internal static class TreeScorer
{
    public static void Add(RegressionTree tree, byte[][] bins, int start, int end, double[] scores, int outputs, int output)
    {
        for (var row = start; row < end; row++)
        {
            scores[((row - start) * outputs) + output] += tree.Predict(bins, row);
        }
    }
}
