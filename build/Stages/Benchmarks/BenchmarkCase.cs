using ModelPipeline.Training;

namespace ModelPipeline.Build;

/// <summary>One data set of the benchmark and the trainers run on it, with scikit-learn's figures beside ours.</summary>
internal sealed record BenchmarkCase(string Name, string File, string Label, TaskKind Task, string PrimaryMetric,
    IReadOnlyList<string> Ignore, IReadOnlyList<PeerFigure> Peers);
