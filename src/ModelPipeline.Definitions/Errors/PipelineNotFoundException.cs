namespace ModelPipeline.Definitions;

/// <summary>No pipeline file by that name or path; the message lists the pipelines that exist.</summary>
public sealed class PipelineNotFoundException(string requested, IReadOnlyList<string> available, string message)
    : Exception(message)
{
    public string Requested { get; } = requested;

    public IReadOnlyList<string> Available { get; } = available;
}
