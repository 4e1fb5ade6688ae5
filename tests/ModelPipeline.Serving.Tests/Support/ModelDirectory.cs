using System.Security.Cryptography;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Tests.Support;

/// <summary>Writes a model directory (model.bin + model.json) as the Package target will.</summary>
internal static class ModelDirectory
{
    public static string Write(TrainedModel model, string? sha256 = null, string version = "1.2.0")
    {
        var directory = Path.Combine(Path.GetTempPath(), "mp-serving-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var bytes = model.ToBytes();
        File.WriteAllBytes(Path.Combine(directory, "model.bin"), bytes);
        sha256 ??= Convert.ToHexStringLower(SHA256.HashData(bytes));
        File.WriteAllText(Path.Combine(directory, "model.json"), $$"""
            {"pipeline":"churn","version":"{{version}}","sha256":"{{sha256}}",
             "lineage":{"data":{"churn.csv":"abc"},"git":"deadbeef"},"decision":"promoted: auc +0.01","created":"2026-11-22T07:00:00Z"}
            """);
        return directory;
    }
}
