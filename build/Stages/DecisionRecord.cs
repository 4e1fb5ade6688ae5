namespace ModelPipeline.Build;

/// <summary>What CompareWithChampion decided and registered, handed on to PackageToContainer and Push.</summary>
internal sealed record DecisionRecord(
    string Pipeline,
    string Version,
    bool Promoted,
    string Verdict,
    string PrimaryMetric,
    double ChallengerValue,
    double? ChampionValue,
    string? ChampionVersion,
    IReadOnlyList<CheckEntry> Checks,
    string DataHash);
