using System.Text.Json;

namespace ModelPipeline.Training.Tests.Support;

/// <summary>Predictions scikit-learn made (Fixtures/make_sklearn_reference.py → Fixtures/sklearn_reference.json).</summary>
internal static class SklearnReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sklearn_reference.json"))).RootElement);

    public static double[] Values(string key) => [.. Root.Value.GetProperty(key).EnumerateArray().Select(e => e.GetDouble())];

    public static (string[] Classes, double[][] Probabilities) ClassProbabilities(string key)
    {
        var entry = Root.Value.GetProperty(key);
        return (
            [.. entry.GetProperty("classes").EnumerateArray().Select(e => e.GetString()!)],
            [.. entry.GetProperty("probabilities").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray())]);
    }
}
