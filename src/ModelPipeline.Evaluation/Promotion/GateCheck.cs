namespace ModelPipeline.Evaluation;

/// <summary>One rule of the gate and how the challenger fared, e.g. ("guard f1", true, "f1 guard ok (0.6010 vs 0.6040, may drop 0.0200)").</summary>
public sealed record GateCheck(string Name, bool Passed, string Detail);
