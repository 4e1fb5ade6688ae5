using Microsoft.ML;
using ModelPipeline.MLNet.Format;
using ModelPipeline.Training;

namespace ModelPipeline.MLNet;

/// <summary>The <c>mlnet</c> model kind: ML.NET model zips (<c>model.zip</c>). Call <see cref="Register"/> once at start.</summary>
public sealed class MLNetModelKind : IModelKind
{
    public const string Name = "mlnet";

    public const string File = "model.zip";

    string IModelKind.Name => Name;

    public string FileName => File;

    /// <summary>Makes <c>mlnet</c> models readable through <see cref="ModelKinds"/> in this process.</summary>
    public static void Register() => ModelKinds.Register(new MLNetModelKind());

    public IScoringModel Load(byte[] bytes)
    {
        var context = new MLContext(seed: 0);
        var (transformer, schema, trainer, parameters, framework) = MLNetModelFile.Read(context, bytes);
        return new MLNetModel(context, transformer, schema, trainer, parameters, framework, bytes);
    }
}
