namespace ModelPipeline.Evaluation;

/// <summary>Reported after each fold fit (from worker threads): work done of the planned total, the rung, and what finished.</summary>
public sealed record AutoSearchProgress(long WorkDone, long WorkPlanned, int Rung, int Rungs, int Candidates, string Finished);
