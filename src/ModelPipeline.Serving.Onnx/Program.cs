using ModelPipeline.Onnx;

namespace ModelPipeline.Serving.Onnx;

/// <summary>
/// The model server for <c>onnx</c> models: registers <see cref="OnnxModelKind"/>, then runs ModelPipeline.Serving's
/// server unchanged (same API, validation, error bodies, /metrics, prediction log, options and exit codes). Its own
/// executable so that the built-in server's image carries no OnnxRuntime.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        OnnxModelKind.Register();
        return Serving.Program.Main(args);
    }
}
