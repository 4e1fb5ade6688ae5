namespace ModelPipeline.Reports;

/// <summary>
/// How an automatic model search (<c>trainer.type: auto</c>) chose the challenger: every candidate, best first, with
/// its cross-validation score on the training rows.
/// </summary>
/// <param name="Metric">The metric the candidates were ranked by.</param>
/// <param name="Summary">One line: folds, rungs, budget and work spent.</param>
/// <param name="Rows">Every candidate, best first (the chosen one on top).</param>
public sealed record Leaderboard(string Metric, string Summary, IReadOnlyList<LeaderboardRow> Rows);
