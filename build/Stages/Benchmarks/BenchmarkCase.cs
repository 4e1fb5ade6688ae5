using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// One data set of the benchmark and our trainers run on it (the peers for each: <see cref="PeerRunner.ModelsFor"/>).
/// <c>File</c> is relative to the repository root; null for the sets derived from the fetched flights file
/// (<see cref="BenchmarkData"/>).
/// </summary>
internal sealed record BenchmarkCase(string Name, string? File, string Label, TaskKind Task, string PrimaryMetric,
    IReadOnlyList<string> Ignore, IReadOnlyList<string> Trainers);
