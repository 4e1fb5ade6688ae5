namespace ModelPipeline.Evaluation;

/// <summary>
/// Counts of (actual, predicted) class pairs, like scikit-learn's confusion_matrix:
/// <c>Counts[actual][predicted]</c>, classes in <see cref="Classes"/> order.
/// </summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, int[][] Counts)
{
    public int this[int actual, int predicted] => Counts[actual][predicted];

    /// <summary>Builds the matrix from class indices.</summary>
    public static ConfusionMatrix From(IReadOnlyList<string> classes, ReadOnlySpan<int> actual, ReadOnlySpan<int> predicted)
    {
        if (actual.Length != predicted.Length)
        {
            throw new ArgumentException($"{actual.Length} labels but {predicted.Length} predictions.");
        }

        var counts = new int[classes.Count][];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = new int[classes.Count];
        }

        for (var row = 0; row < actual.Length; row++)
        {
            counts[actual[row]][predicted[row]]++;
        }

        return new ConfusionMatrix(classes, counts);
    }
}
