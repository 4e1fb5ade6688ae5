namespace ModelPipeline.Evaluation;

/// <summary>
/// One candidate of an <see cref="AutoSearch"/>: its trainer and full parameters (as refitted when it wins), the
/// last successive-halving rung it reached and its cross-validation score there, the work it cost and its time.
/// </summary>
/// <param name="Index">Its place in the seeded candidate list (ties go to the lower index).</param>
/// <param name="Trainer"><c>gradient_boosting</c>, <c>logistic_regression</c> or <c>linear_regression</c>.</param>
/// <param name="Rung">The last rung it was scored at (0-based; rungs - 1 is the full resource).</param>
/// <param name="Iterations">Boosting iterations at that rung (null for linear trainers).</param>
/// <param name="Score">Its CV score at that rung (null when it failed).</param>
/// <param name="Work">Work units spent on it (deterministic: rows × inputs × iterations of its fold fits).</param>
/// <param name="Duration">Wall time of its fold fits (informational; never used to decide).</param>
public sealed record AutoCandidate(
    int Index,
    string Trainer,
    IReadOnlyDictionary<string, string> Parameters,
    int Rung,
    int? Iterations,
    CrossValidationScore? Score,
    long Work,
    TimeSpan Duration)
{
    public double MeanScore => Score?.Mean ?? double.NaN;

    public double StandardDeviation => Score?.StandardDeviation ?? double.NaN;

    /// <summary>Why it failed (a parameter value the trainer rejects).</summary>
    public string? Error { get; init; }
}
