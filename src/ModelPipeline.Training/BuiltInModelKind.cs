namespace ModelPipeline.Training;

/// <summary>ModelPipeline's own model file (<see cref="TrainedModel"/>, docs/model-format.md), stored as <c>model.bin</c>.</summary>
internal sealed class BuiltInModelKind : IModelKind
{
    public string Name => ModelKinds.BuiltIn;

    public string FileName => "model.bin";

    public IScoringModel Load(byte[] bytes) => TrainedModel.Load(bytes);
}
