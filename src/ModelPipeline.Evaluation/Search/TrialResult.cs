namespace ModelPipeline.Evaluation;

/// <summary>
/// One trial of a search: its index in the seeded trial list, the parameters it set, and its cross-validation
/// score (NaN mean when it failed or was skipped: see <see cref="Error"/> and <see cref="Skipped"/>).
/// </summary>
public sealed record TrialResult(int Index, IReadOnlyDictionary<string, string> Parameters, CrossValidationScore? Score, TimeSpan Duration)
{
    public double MeanScore => Score?.Mean ?? double.NaN;

    public double StandardDeviation => Score?.StandardDeviation ?? double.NaN;

    /// <summary>Why the trial failed (e.g. a parameter value the trainer rejects).</summary>
    public string? Error { get; init; }

    /// <summary>True when the time budget ran out before the trial started.</summary>
    public bool Skipped { get; init; }
}
