using ModelPipeline.Onnx;
using ModelPipeline.Registry;
using ModelPipeline.Targets;
using ModelPipeline.Training;

namespace ModelPipeline.Build;

internal sealed partial class Build
{
    [Parameter("ExportOnnx: the file to write (default: artifacts/<pipeline>/model.onnx)")]
    readonly string? Output;

    Target ExportOnnx => _ => _
        .Description("Write a registered version (--version, default champion) as an ONNX model: featurization and model, for any ONNX runtime")
        .Requires(() => Pipeline)
        .Executes(() =>
        {
            var registry = Run.Registry;
            var version = registry.GetVersion(Version ?? ModelRegistry.ChampionAlias);
            if (version.ModelKind != ModelKinds.BuiltIn)
            {
                throw new InputMistakeException($"{registry.Pipeline} {version.Version} is a {version.ModelKind} model; ExportOnnx writes built-in models as ONNX");
            }

            var model = TrainedModel.Load(registry.ReadModel(version));
            var bytes = OnnxExport.ToBytes(model);
            var path = Path.GetFullPath(Output ?? Path.Combine(Run.Artifacts.Directory, PipelineRun.OnnxAttachment), Run.Root);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
            var outputs = model.Schema.Task == TaskKind.Regression ? "variable" : "label, probabilities";
            Log.Success($"{registry.Pipeline} {version.Version}: {Run.Rel(path)} ({bytes.Length:N0} bytes; inputs: {model.Schema.Inputs.Count} columns by name; outputs: {outputs})");
        });
}
