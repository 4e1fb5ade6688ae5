namespace ModelPipeline.Evaluation;

/// <summary>Reported after each finished trial (from worker threads, in finishing order).</summary>
public sealed record SearchProgress(int Completed, int Total, TrialResult Trial);
