namespace ModelPipeline.Reports;

/// <summary>One candidate of an automatic model search, as the report's leaderboard shows it.</summary>
/// <param name="Index">Its place in the seeded candidate list ("#3").</param>
/// <param name="Trainer">E.g. "gradient_boosting".</param>
/// <param name="Parameters">Its parameters, e.g. "learning_rate=0.1 max_leaves=31".</param>
/// <param name="Stage">How far it got, e.g. "full" or "1/9 of iterations".</param>
/// <param name="Mean">Its cross-validation mean (NaN when it failed).</param>
/// <param name="Spread">The standard deviation of its fold scores.</param>
/// <param name="Work">Work units it cost.</param>
/// <param name="Seconds">Wall time of its fold fits.</param>
/// <param name="Chosen">True for the candidate that became the challenger.</param>
public sealed record LeaderboardRow(int Index, string Trainer, string Parameters, string Stage, double Mean, double Spread, long Work, double Seconds, bool Chosen)
{
    /// <summary>Why it failed, when it did.</summary>
    public string? Error { get; init; }
}
