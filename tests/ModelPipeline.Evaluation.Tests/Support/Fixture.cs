using System.Globalization;
using System.Text.Json;

namespace ModelPipeline.Evaluation.Tests;

/// <summary>Reference values computed by scikit-learn 1.2.1 (Fixtures/make_fixtures.py) and the scores they came from.</summary>
internal static class Fixture
{
    private static readonly Lazy<JsonDocument> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(PathOf("expected.json"))));

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static JsonElement Case(string name) => Expected.Value.RootElement.GetProperty(name);

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    public static double[] Numbers(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetDouble())];

    public static int[] Integers(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.GetInt32())];

    public static int[][] Matrix(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetInt32()).ToArray())];

    /// <summary>The columns of a fixture CSV by name (all numeric).</summary>
    public static Dictionary<string, double[]> Columns(string csv)
    {
        var lines = File.ReadAllLines(PathOf(csv));
        var names = lines[0].Split(',');
        var columns = names.ToDictionary(n => n, _ => new double[lines.Length - 1]);
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            for (var j = 0; j < names.Length; j++)
            {
                columns[names[j]][row - 1] = double.Parse(cells[j], CultureInfo.InvariantCulture);
            }
        }

        return columns;
    }

    /// <summary>Labels and scores of a binary case: inline arrays for hand-made cases, else the holdout CSV.</summary>
    public static (int[] Labels, double[] Scores) Binary(string name) => name switch
    {
        "breast_cancer" => FromCsv("breast_cancer_holdout.csv", "logreg"),
        "churn" => FromCsv("churn_holdout.csv", "logreg"),
        "churn_weak" => FromCsv("churn_holdout.csv", "weak"),
        _ => (Case(name).Integers("labels"), Case(name).Numbers("scores")),
    };

    private static (int[] Labels, double[] Scores) FromCsv(string csv, string model)
    {
        var columns = Columns(csv);
        return (Array.ConvertAll(columns["label"], l => (int)l), columns[model]);
    }
}
