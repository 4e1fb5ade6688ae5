using System.Net;
using System.Text.Json;
using ModelPipeline.Data;
using ModelPipeline.Serving.Tests.Support;
using ModelPipeline.Training;

namespace ModelPipeline.Serving.Tests;

[Collection(ChurnServerCollection.Name)]
public sealed class InvocationsTests(ChurnServer churn)
{
    private int[] SampleRows()
    {
        var totalCharges = churn.Data["total_charges"];
        var missing = Enumerable.Range(0, churn.Data.RowCount).Where(totalCharges.IsMissing).Take(3);
        return [.. Enumerable.Range(0, 25), .. missing];
    }

    private string[] InputNames => [.. churn.Model.Schema.Inputs.Select(i => i.Name)];

    [Theory]
    [InlineData("dataframe_split")]
    [InlineData("dataframe_records")]
    [InlineData("instances")]
    [InlineData("inputs_columns")]
    [InlineData("inputs_rows")]
    [InlineData("csv")]
    public async Task Invocations_EachInputFormat_AnswersAsModelPredict(string format)
    {
        var rows = SampleRows();
        var withLabel = (string[])[.. InputNames.Reverse(), "churn"]; // any column order; the label is an extra column
        var (body, contentType) = format switch
        {
            "dataframe_split" => (RequestBodies.Split(churn.Data, rows, withLabel), "application/json"),
            "dataframe_records" => (RequestBodies.Records("dataframe_records", churn.Data, rows, withLabel), "application/json"),
            "instances" => (RequestBodies.Records("instances", churn.Data, rows, withLabel), "application/json; charset=utf-8"),
            "inputs_columns" => (RequestBodies.Columns("inputs", churn.Data, rows, withLabel), "application/json"),
            "inputs_rows" => (RequestBodies.Rows("inputs", churn.Data, rows, InputNames), "application/json"),
            _ => (RequestBodies.Csv(churn.Data, rows, withLabel), "text/csv"),
        };

        var (status, answer) = await Scoring.PostAsync(churn.Client, body, contentType);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertSameAs(churn.Model.Predict(churn.Data.Take(rows)), answer);
    }

    [Fact]
    public async Task Invocations_RecordsWithDifferentKeyOrders_EachKeyFindsItsColumn()
    {
        var first = RequestBodies.Records("dataframe_records", churn.Data, [0], InputNames);
        var second = RequestBodies.Records("dataframe_records", churn.Data, [1], [.. InputNames.Reverse().Prepend("churn")]);
        var body = first[..first.LastIndexOf(']')] + "," + second[(second.IndexOf('[') + 1)..];

        var (status, answer) = await Scoring.PostAsync(churn.Client, body);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertSameAs(churn.Model.Predict(churn.Data.Take([0, 1])), answer);
    }

    [Fact]
    public async Task Invocations_EscapedCategoryText_MatchesTheLevel()
    {
        var plain = RequestBodies.Split(churn.Data, [0, 1, 2], InputNames);
        // JSON escapes for the same text: "Month-to-month" written as "Month\u002dto-month", "No" as "\u004eo".
        var escaped = plain.Replace("\"Month-to-month\"", "\"Month\\u002dto-month\"", StringComparison.Ordinal)
            .Replace("\"No\"", "\"\\u004eo\"", StringComparison.Ordinal);
        Assert.NotEqual(plain, escaped);

        var (status, answer) = await Scoring.PostAsync(churn.Client, escaped);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertSameAs(churn.Model.Predict(churn.Data.Take([0, 1, 2])), answer);
    }

    [Fact]
    public async Task Invocations_UnknownCategory_ScoredAsTheModelsUnknownBucket()
    {
        var body = """
            {"dataframe_records": [{"female":1,"senior_citizen":0,"partner":1,"dependents":0,"tenure":5,"phone_service":1,
              "multiple_lines":"No","internet_service":"Satellite","online_security":"No","online_backup":"No",
              "device_protection":"No","tech_support":"No","streaming_tv":"No","streaming_movies":"No",
              "contract":"Two decades","paperless_billing":1,"payment_method":"Carrier pigeon","monthly_charges":70.5,"total_charges":352.5}]}
            """;
        var frame = new Frame(
        [
            .. churn.Model.Schema.Inputs.Select(i => i.Kind == ColumnKind.Categorical
                ? Column.Categorical(i.Name, [0], [i.Name switch
                {
                    "internet_service" => "Satellite",
                    "contract" => "Two decades",
                    "payment_method" => "Carrier pigeon",
                    _ => "No",
                }])
                : Column.Numeric(i.Name, [i.Name switch
                {
                    "female" or "partner" or "phone_service" or "paperless_billing" => 1,
                    "tenure" => 5,
                    "monthly_charges" => 70.5,
                    "total_charges" => 352.5,
                    _ => 0,
                }])),
        ]);

        var (status, answer) = await Scoring.PostAsync(churn.Client, body);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertSameAs(churn.Model.Predict(frame), answer);
    }

    [Fact]
    public async Task Invocations_NumbersAsTextAndNulls_AreParsedAndMissing()
    {
        var rows = new[] { 0 };
        var split = JsonSerializer.Deserialize<JsonElement>(RequestBodies.Records("dataframe_records", churn.Data, rows, InputNames));
        var record = split.GetProperty("dataframe_records")[0].EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Name == "tenure" ? "\"1\"" : p.Name == "total_charges" ? "null" : p.Value.GetRawText());
        var body = "{\"params\":{\"predict_proba\":true},\"dataframe_records\":[{" + string.Join(",", record.Select(p => $"\"{p.Key}\":{p.Value}")) + "}]}";
        var expected = churn.Data.Take(rows);
        expected = new Frame([.. expected.Columns.Select(c => c.Name == "total_charges" ? Column.Numeric(c.Name, [double.NaN]) : c)]);

        var (status, answer) = await Scoring.PostAsync(churn.Client, body);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertSameAs(churn.Model.Predict(expected), answer);
    }

    private static void AssertSameAs(Predictions expected, JsonElement answer)
    {
        var predictions = answer.GetProperty("predictions");
        var probabilities = answer.GetProperty("probabilities");
        Assert.Equal(expected.RowCount, predictions.GetArrayLength());
        for (var row = 0; row < expected.RowCount; row++)
        {
            // Churn's classes are "0" and "1": MLflow-style numeric labels.
            Assert.Equal(JsonValueKind.Number, predictions[row].ValueKind);
            Assert.Equal(expected.Label(row), predictions[row].GetRawText());
            Assert.Equal(expected.Probabilities![2 * row], probabilities[row][0].GetDouble(), 12);
            Assert.Equal(expected.Probabilities![(2 * row) + 1], probabilities[row][1].GetDouble(), 12);
        }
    }
}
