using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ModelPipeline.MLNet;

/// <summary>Makes the ML.NET trainer assemblies a model may name (FastTree, LightGBM) known to a context before loading.</summary>
internal static class MLNetComponents
{
    /// <summary>The ML.NET version models are trained and read with, e.g. <c>6.0.0</c>.</summary>
    public static string Version { get; } =
        typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    public static void Register(MLContext context)
    {
        context.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryModelParameters).Assembly);
        context.ComponentCatalog.RegisterAssembly(typeof(LightGbmBinaryModelParameters).Assembly);
    }
}
