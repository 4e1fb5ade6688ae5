namespace ModelPipeline.Training;

/// <summary>
/// One kind of model file: its name, the file name it is stored under (registry version, image, release asset) and
/// how its bytes become an <see cref="IScoringModel"/>. Register a kind with <see cref="ModelKinds.Register"/>.
/// </summary>
public interface IModelKind
{
    /// <summary>Lower-case name recorded with every stored model, e.g. <c>builtin</c>, <c>mlnet</c>, <c>onnx</c>.</summary>
    string Name { get; }

    /// <summary>The model's file name, e.g. <c>model.bin</c>, <c>model.zip</c>, <c>model.onnx</c>.</summary>
    string FileName { get; }

    /// <summary>Reads a model file of this kind (already checked against its sha256 by the caller).</summary>
    /// <exception cref="ModelFormatException">The bytes are not a readable model of this kind.</exception>
    IScoringModel Load(byte[] bytes);
}
