using System.Diagnostics;

namespace ModelPipeline.Registry.Tests;

/// <summary>Starts ModelPipeline.Registry.CrashWriter (copied beside the test assembly) as a separate process.</summary>
internal static class WriterProcess
{
    public static Process Start(string root, string pipeline, string mode, int count, int modelBytes, string writerId)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ModelPipeline.Registry.CrashWriter.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/ModelPipeline.Registry.Tests (it references the CrashWriter project)");
        var host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, root, pipeline, mode, count.ToString(), modelBytes.ToString(), writerId })
            info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the CrashWriter process");
    }
}
