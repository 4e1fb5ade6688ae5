namespace ModelPipeline.Evaluation;

/// <summary>
/// Whether the challenger replaces the champion, and why: <see cref="Verdict"/> is one line for logs and PR
/// comments; <see cref="Checks"/> lists every rule with its figures. A lost comparison is a decision, not an error.
/// </summary>
public sealed record PromotionDecision
{
    public required bool Promote { get; init; }

    /// <summary>e.g. "rejected: auc 0.8412 vs champion 0.8419 (-0.0007), needs >= +0.0050; f1 guard ok (...)".</summary>
    public required string Verdict { get; init; }

    public required IReadOnlyList<GateCheck> Checks { get; init; }

    /// <summary>True when there was no champion to compare with (only absolute thresholds applied).</summary>
    public required bool FirstModel { get; init; }

    public required string PrimaryMetric { get; init; }

    public required double ChallengerValue { get; init; }

    /// <summary>The champion's primary metric on the same rows; null for a first model.</summary>
    public double? ChampionValue { get; init; }

    /// <summary>Gain in the better direction (positive = challenger better); null for a first model.</summary>
    public double? Improvement { get; init; }

    /// <summary>The significance test's two-sided p-value when one ran.</summary>
    public double? PValue { get; init; }
}
