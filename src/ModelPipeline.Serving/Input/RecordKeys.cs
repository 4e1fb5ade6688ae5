namespace ModelPipeline.Serving.Input;

/// <summary>The keys of the previous record, by position, and the model input each one is (or -1).</summary>
internal sealed class RecordKeys
{
    public List<string> Names { get; } = [];

    public List<int> Inputs { get; } = [];
}
