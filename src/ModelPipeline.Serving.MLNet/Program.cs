using ModelPipeline.MLNet;

namespace ModelPipeline.Serving.MLNet;

/// <summary>
/// The model server for <c>mlnet</c> models: registers <see cref="MLNetModelKind"/>, then runs ModelPipeline.Serving's
/// server unchanged (same API, validation, error bodies, /metrics, prediction log, options and exit codes).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        MLNetModelKind.Register();
        return Serving.Program.Main(args);
    }
}
