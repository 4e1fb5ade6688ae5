using ModelPipeline.Training;

namespace ModelPipeline.Onnx;

/// <summary>
/// ONNX models (<c>trainer.type: onnx_file</c> or <c>command</c>) as a model kind: stored as <c>model.onnx</c> with
/// their schema, trainer and parameters in the file's metadata, scored with OnnxRuntime.
/// </summary>
public sealed class OnnxModelKind : IModelKind
{
    public const string KindName = "onnx";

    public const string File = "model.onnx";

    public string Name => KindName;

    public string FileName => File;

    public IScoringModel Load(byte[] bytes) => OnnxScoringModel.Load(bytes);

    /// <summary>Makes ONNX models readable in this process (<see cref="ModelKinds.Register"/>); calling it again changes nothing.</summary>
    public static void Register() => ModelKinds.Register(new OnnxModelKind());
}
