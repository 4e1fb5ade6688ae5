namespace ModelPipeline.Reports;

/// <summary>
/// Counts of holdout rows by actual class (rows) and predicted class (columns), drawn as a heat-map table.
/// Evaluation's confusion matrix maps straight on: <c>new ConfusionTable(m.Classes, m.Counts)</c>.
/// </summary>
/// <param name="Classes">Class names, in the order of both dimensions of <paramref name="Counts"/>.</param>
/// <param name="Counts">Counts[actual][predicted].</param>
public sealed record ConfusionTable(IReadOnlyList<string> Classes, IReadOnlyList<IReadOnlyList<int>> Counts)
{
    /// <summary>Builds a table from a rectangular array indexed [actual, predicted].</summary>
    /// <exception cref="ArgumentException">When the array is not classes × classes.</exception>
    public static ConfusionTable From(IReadOnlyList<string> classes, int[,] counts)
    {
        if (counts.GetLength(0) != classes.Count || counts.GetLength(1) != classes.Count)
        {
            throw new ArgumentException(
                $"A confusion table of {classes.Count} classes needs {classes.Count}×{classes.Count} counts (got {counts.GetLength(0)}×{counts.GetLength(1)}).",
                nameof(counts));
        }

        var rows = new int[classes.Count][];
        for (var a = 0; a < rows.Length; a++)
        {
            rows[a] = new int[classes.Count];
            for (var p = 0; p < rows[a].Length; p++)
            {
                rows[a][p] = counts[a, p];
            }
        }

        return new ConfusionTable(classes, rows);
    }
}
