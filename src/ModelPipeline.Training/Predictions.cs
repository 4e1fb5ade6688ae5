namespace ModelPipeline.Training;

/// <summary>
/// What a model says about a batch of rows.
/// <para>Regression: <see cref="Values"/> holds the predicted values; <see cref="Probabilities"/> is null.</para>
/// <para>Classification: <see cref="Values"/> holds the predicted class index (into <see cref="Classes"/>) as a
/// double; <see cref="Probabilities"/> is row-major, rows × <see cref="Classes"/>.Count. For a binary model
/// class 1 is the positive class, and <see cref="PositiveScores"/> gives its probability per row.</para>
/// </summary>
public sealed record Predictions(TaskKind Task, IReadOnlyList<string> Classes, double[] Values, double[]? Probabilities)
{
    public int RowCount => Values.Length;

    /// <summary>P(positive class) per row for a binary model.</summary>
    public double[] PositiveScores()
    {
        if (Task != TaskKind.Binary || Probabilities is null)
        {
            throw new InvalidOperationException("Positive-class scores exist only for binary models.");
        }

        var scores = new double[RowCount];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Probabilities[(2 * i) + 1];
        }

        return scores;
    }

    /// <summary>The predicted class name (classification) or value as text (regression) of a row.</summary>
    public string Label(int row) =>
        Task == TaskKind.Regression
            ? Values[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : Classes[(int)Values[row]];
}
