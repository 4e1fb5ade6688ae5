namespace ModelPipeline.Reports;

/// <summary>Counts of holdout rows by actual class (rows) and predicted class (columns), drawn as a heat-map table.</summary>
/// <param name="Classes">Class names, in the order of both dimensions of <paramref name="Counts"/>.</param>
/// <param name="Counts">Counts[actual][predicted].</param>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<long>> Counts)
{
    /// <summary>Builds a matrix from jagged int counts [actual][predicted], e.g. Evaluation's confusion matrix.</summary>
    public static ConfusionMatrix From(IReadOnlyList<string> classes, IReadOnlyList<IReadOnlyList<int>> counts) =>
        new(classes, counts.Select(row => (IReadOnlyList<long>)row.Select(c => (long)c).ToArray()).ToArray());

    /// <summary>Builds a matrix from a rectangular array indexed [actual, predicted].</summary>
    /// <exception cref="ArgumentException">When the array is not classes × classes.</exception>
    public static ConfusionMatrix From(IReadOnlyList<string> classes, long[,] counts)
    {
        if (counts.GetLength(0) != classes.Count || counts.GetLength(1) != classes.Count)
        {
            throw new ArgumentException(
                $"A confusion matrix of {classes.Count} classes needs {classes.Count}×{classes.Count} counts (got {counts.GetLength(0)}×{counts.GetLength(1)}).",
                nameof(counts));
        }

        var rows = new long[classes.Count][];
        for (var a = 0; a < rows.Length; a++)
        {
            rows[a] = new long[classes.Count];
            for (var p = 0; p < rows[a].Length; p++)
            {
                rows[a][p] = counts[a, p];
            }
        }

        return new ConfusionMatrix(classes, rows);
    }

    /// <summary>Builds a matrix from a rectangular array indexed [actual, predicted].</summary>
    /// <exception cref="ArgumentException">When the array is not classes × classes.</exception>
    public static ConfusionMatrix From(IReadOnlyList<string> classes, int[,] counts)
    {
        var wide = new long[counts.GetLength(0), counts.GetLength(1)];
        for (var a = 0; a < counts.GetLength(0); a++)
        {
            for (var p = 0; p < counts.GetLength(1); p++)
            {
                wide[a, p] = counts[a, p];
            }
        }

        return From(classes, wide);
    }
}
