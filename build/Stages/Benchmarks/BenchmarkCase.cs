using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>
/// One data set of the benchmark and the trainers run on it, with scikit-learn's figures beside ours. <c>File</c> is
/// relative to the repository root; null for the sets derived from the fetched flights file (<see cref="BenchmarkData"/>).
/// </summary>
internal sealed record BenchmarkCase(string Name, string? File, string Label, TaskKind Task, string PrimaryMetric,
    IReadOnlyList<string> Ignore, IReadOnlyList<PeerFigure> Peers);
