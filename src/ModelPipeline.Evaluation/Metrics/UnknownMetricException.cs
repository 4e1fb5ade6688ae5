namespace ModelPipeline.Evaluation;

/// <summary>A metric name that this library does not compute, or that does not apply to the model's task.</summary>
public sealed class UnknownMetricException(string name, IEnumerable<string> available)
    : Exception($"Unknown metric '{name}'. Available: {string.Join(", ", available)}.")
{
    public string Name { get; } = name;
}
