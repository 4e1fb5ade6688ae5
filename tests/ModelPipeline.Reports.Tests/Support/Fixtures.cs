using System.Text.Json;

namespace ModelPipeline.Reports.Tests;

/// <summary>
/// Reports built from real data by scikit-learn (Fixtures/make_fixtures.py): churn (binary), satellite
/// (multiclass), diabetes (regression) comparisons and the flights Q1→Q2 drift report.
/// </summary>
internal static class Fixtures
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ComparisonReport Churn() => Load<ComparisonReport>("churn_comparison.json");

    public static ComparisonReport Satellite() => Load<ComparisonReport>("satellite_comparison.json");

    public static ComparisonReport Diabetes() => Load<ComparisonReport>("diabetes_comparison.json");

    public static DriftReport Flights() => Load<DriftReport>("flights_drift.json");

    private static T Load<T>(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
            ?? throw new InvalidOperationException($"Fixture {name} is empty.");
    }
}
