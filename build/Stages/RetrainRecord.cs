namespace ModelPipeline.Build;

/// <summary>What Retrain hands on: the challenger's provenance and whether anything was trained at all.</summary>
internal sealed record RetrainRecord(
    string Pipeline,
    bool Trained,
    string? UnchangedSince,
    string DataHash,
    string ConfigHash,
    IReadOnlyList<DataFileEntry> DataFiles,
    string Trainer,
    IReadOnlyDictionary<string, string> Parameters,
    string RunId,
    string Trigger,
    double FitSeconds,
    int TrainRows,
    int HoldoutRows)
{
    /// <summary>The challenger's model kind (<c>builtin</c>, <c>mlnet</c>, …): how challenger.bin is read back.</summary>
    public string ModelKind { get; init; } = Training.ModelKinds.BuiltIn;

    /// <summary><c>trainer.type: auto</c>'s leaderboard, which Compare records in the version's lineage.</summary>
    public Registry.SearchLeaderboard? Search { get; init; }
}
